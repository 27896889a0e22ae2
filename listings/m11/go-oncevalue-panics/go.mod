module m11-go-oncevalue-panics

go 1.22
