module m05-go-with-timeout-context

go 1.22
