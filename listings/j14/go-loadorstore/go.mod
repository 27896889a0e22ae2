module j14-go-loadorstore

go 1.22
