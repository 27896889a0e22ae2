module p03-go-buffer-aba

go 1.22
