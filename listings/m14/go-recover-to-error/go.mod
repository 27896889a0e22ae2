module m14-go-recover-to-error

go 1.22
