module s11-go-lock-order-fatal

go 1.27
