module j09-go-select-send-or-done

go 1.22
