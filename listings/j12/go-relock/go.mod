module j12-go-relock

go 1.22
