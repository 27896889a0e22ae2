module m02-go-timeout-leak

go 1.22
