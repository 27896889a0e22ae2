module j02-go-loop-var-go121

go 1.21
