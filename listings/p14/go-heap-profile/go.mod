module p14-go-heap-profile

go 1.22
