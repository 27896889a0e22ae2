module r01-go-blocked-ops

go 1.22
