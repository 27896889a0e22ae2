module j03-go-main-returns

go 1.22
