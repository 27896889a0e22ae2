module j15-go-pointer-through-channel

go 1.22
