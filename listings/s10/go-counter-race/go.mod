module s10-go-counter-race

go 1.27
