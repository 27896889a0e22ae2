module p04-go-shed

go 1.22
