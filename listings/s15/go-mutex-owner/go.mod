module s15-go-mutex-owner

go 1.22
