module j06-go-cap1-leftover

go 1.22
