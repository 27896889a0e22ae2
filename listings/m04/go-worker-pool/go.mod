module m04-go-worker-pool

go 1.22
