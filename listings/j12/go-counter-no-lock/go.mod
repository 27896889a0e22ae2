module j12-go-counter-no-lock

go 1.22
