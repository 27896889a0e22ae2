module j05-go-full-buffer-fatal

go 1.22
