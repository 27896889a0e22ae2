module s06-go-ticker-limiter

go 1.23
