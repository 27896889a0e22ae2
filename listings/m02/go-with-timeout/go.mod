module m02-go-with-timeout

go 1.22
