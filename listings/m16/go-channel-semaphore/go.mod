module m16-go-channel-semaphore

go 1.22
