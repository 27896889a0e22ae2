module j07-go-range-close

go 1.22
