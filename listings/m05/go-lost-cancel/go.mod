module m05-go-lost-cancel

go 1.22
