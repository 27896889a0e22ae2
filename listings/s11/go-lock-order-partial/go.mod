module s11-go-lock-order-partial

go 1.27
