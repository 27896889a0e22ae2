module r01-go-states

go 1.22
