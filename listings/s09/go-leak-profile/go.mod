module s09-go-leak-profile

go 1.22
