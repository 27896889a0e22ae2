module j07-go-range-no-close

go 1.22
