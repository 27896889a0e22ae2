module s14-go-buffered-race

go 1.27
