module m17-go-all-nil-select

go 1.22
