module p14-go-goroutine-profile

go 1.22
