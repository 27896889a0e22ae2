module c05-go-buggy-pool

go 1.22
