module p03-go-treiber-gc

go 1.22
