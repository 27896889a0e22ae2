module m13-go-plain-reset-race

go 1.22
