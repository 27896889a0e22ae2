module p05-go-second-signal

go 1.22
