module m10-go-rlock-then-lock

go 1.22
