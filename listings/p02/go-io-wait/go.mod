module p02-go-io-wait

go 1.22
