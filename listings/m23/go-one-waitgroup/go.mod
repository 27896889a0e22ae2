module m23-go-one-waitgroup

go 1.22
