module s18-go-add-inside-vet

go 1.27
