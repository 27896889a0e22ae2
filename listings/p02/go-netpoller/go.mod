module p02-go-netpoller

go 1.25
