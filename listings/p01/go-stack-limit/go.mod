module p01-go-stack-limit

go 1.22
