module j08-go-close-twice

go 1.22
