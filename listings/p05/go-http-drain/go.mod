module p05-go-http-drain

go 1.22
