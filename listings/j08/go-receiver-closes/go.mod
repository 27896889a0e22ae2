module j08-go-receiver-closes

go 1.22
