module c02-go-rlock-get

go 1.22
