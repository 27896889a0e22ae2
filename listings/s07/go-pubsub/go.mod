module s07-go-pubsub

go 1.22
