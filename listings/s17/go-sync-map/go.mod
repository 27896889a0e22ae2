module s17-go-sync-map

go 1.22
