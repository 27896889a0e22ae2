module m22-go-rounds

go 1.22
