module p08-go-singleflight

go 1.22
