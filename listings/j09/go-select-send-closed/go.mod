module j09-go-select-send-closed

go 1.22
