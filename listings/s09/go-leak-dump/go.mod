module s09-go-leak-dump

go 1.22
