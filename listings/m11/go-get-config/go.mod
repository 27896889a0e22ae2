module m11-go-get-config

go 1.22
