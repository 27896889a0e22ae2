module m03-go-merge

go 1.22
