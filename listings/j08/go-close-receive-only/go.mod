module j08-go-close-receive-only

go 1.22
