module s05-go-release-without-acquire

go 1.22
