module s08-go-closed-wins

go 1.22
