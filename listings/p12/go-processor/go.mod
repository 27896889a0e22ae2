module p12-go-processor

go 1.22
