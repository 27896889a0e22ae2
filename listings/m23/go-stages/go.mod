module m23-go-stages

go 1.22
