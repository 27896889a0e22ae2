module m19-go-every-producer-closes

go 1.22
