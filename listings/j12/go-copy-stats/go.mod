module j12-go-copy-stats

go 1.22
