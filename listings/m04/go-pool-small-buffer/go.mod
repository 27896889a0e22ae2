module m04-go-pool-small-buffer

go 1.22
