module j06-go-cap1-puzzle

go 1.22
