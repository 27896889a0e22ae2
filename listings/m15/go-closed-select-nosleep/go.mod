module m15-go-closed-select-nosleep

go 1.22
