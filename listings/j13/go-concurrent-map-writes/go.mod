module j13-go-concurrent-map-writes

go 1.22
