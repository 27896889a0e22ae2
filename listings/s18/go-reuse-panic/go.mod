module s18-go-reuse-panic

go 1.27
