module j17-go-wg-go

go 1.25
