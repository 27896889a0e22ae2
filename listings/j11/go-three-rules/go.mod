module j11-go-three-rules

go 1.22
