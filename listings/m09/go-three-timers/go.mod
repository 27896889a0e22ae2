module m09-go-three-timers

go 1.23
