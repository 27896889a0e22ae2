module m15-go-closed-select-spin

go 1.22
