module s05-go-try-acquire

go 1.22
