module s14-go-unbuffered-edge

go 1.27
