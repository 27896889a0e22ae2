module j17-go-add-inside-goroutine

go 1.25
