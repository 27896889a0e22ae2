module j15-go-fetch

go 1.22
