module s11-go-synctest-cycle

go 1.27
