module j13-go-jobs-race

go 1.22
