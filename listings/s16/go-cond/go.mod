module s16-go-cond

go 1.22
