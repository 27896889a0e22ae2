module p06-go-safe-go

go 1.22
