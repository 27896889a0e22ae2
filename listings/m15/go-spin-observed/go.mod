module m15-go-spin-observed

go 1.22
