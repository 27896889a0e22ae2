module m21-go-leak-profile

go 1.27
