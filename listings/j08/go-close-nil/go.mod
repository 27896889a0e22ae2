module j08-go-close-nil

go 1.22
