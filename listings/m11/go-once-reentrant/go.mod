module m11-go-once-reentrant

go 1.22
