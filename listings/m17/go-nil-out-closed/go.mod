module m17-go-nil-out-closed

go 1.22
