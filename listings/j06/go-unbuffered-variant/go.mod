module j06-go-unbuffered-variant

go 1.22
