module s01-go-parked-goroutines

go 1.22
