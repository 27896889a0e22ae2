module m09-go-timer-reset

go 1.22
