module j09-go-drain-closed

go 1.22
