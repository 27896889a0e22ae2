module c05-go-fixed-pool

go 1.22
