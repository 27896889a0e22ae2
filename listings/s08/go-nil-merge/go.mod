module s08-go-nil-merge

go 1.22
