module s04-go-defaults

go 1.25
