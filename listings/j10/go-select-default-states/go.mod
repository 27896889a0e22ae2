module j10-go-select-default-states

go 1.22
