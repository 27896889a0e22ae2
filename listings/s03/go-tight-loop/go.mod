module s03-go-tight-loop

go 1.22
