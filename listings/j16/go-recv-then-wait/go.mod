module j16-go-recv-then-wait

go 1.22
