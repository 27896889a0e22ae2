module j17-go-double-done

go 1.22
