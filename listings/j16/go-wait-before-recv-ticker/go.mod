module j16-go-wait-before-recv-ticker

go 1.22
