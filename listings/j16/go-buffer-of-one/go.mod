module j16-go-buffer-of-one

go 1.22
