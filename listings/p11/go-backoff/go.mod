module p11-go-backoff

go 1.22
