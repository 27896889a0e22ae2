module j02-go-loop-var-classic

go 1.21
