module m11-go-once-panics

go 1.22
