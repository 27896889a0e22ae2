module j02-go-closure-captures

go 1.22
