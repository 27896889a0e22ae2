module m10-go-rlock-append-race

go 1.22
