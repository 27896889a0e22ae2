module p01-go-deep-recursion

go 1.22
