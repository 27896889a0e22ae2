module m07-go-process

go 1.22
