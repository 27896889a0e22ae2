module p06-go-fatal-not-recovered

go 1.22
