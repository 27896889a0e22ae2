module j02-go-args-evaluated

go 1.22
