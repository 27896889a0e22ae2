module j12-go-stats

go 1.22
