module m15-go-range-and-wait

go 1.22
