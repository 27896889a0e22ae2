module j16-go-wait-before-recv

go 1.22
