module m14-go-panic-kills-all

go 1.22
