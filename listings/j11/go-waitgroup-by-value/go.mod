module j11-go-waitgroup-by-value

go 1.22
