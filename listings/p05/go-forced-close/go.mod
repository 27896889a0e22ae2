module p05-go-forced-close

go 1.22
