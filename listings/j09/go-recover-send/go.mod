module j09-go-recover-send

go 1.22
