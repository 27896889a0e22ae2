module s13-go-use-after-send

go 1.27
