module j13-go-torn-slice

go 1.22
