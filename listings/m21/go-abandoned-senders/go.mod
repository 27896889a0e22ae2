module m21-go-abandoned-senders

go 1.22
