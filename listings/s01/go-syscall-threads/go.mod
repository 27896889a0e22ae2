module s01-go-syscall-threads

go 1.22
