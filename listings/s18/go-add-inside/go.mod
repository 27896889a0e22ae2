module s18-go-add-inside

go 1.27
