module j16-go-leak-profile

go 1.27
