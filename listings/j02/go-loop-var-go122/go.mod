module j02-go-loop-var-go122

go 1.22
