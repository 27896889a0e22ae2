module p06-go-panic-nil-go120

go 1.20
