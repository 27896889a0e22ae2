module m12-go-buffer-pool

go 1.22
