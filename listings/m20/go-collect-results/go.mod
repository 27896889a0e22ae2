module m20-go-collect-results

go 1.22
