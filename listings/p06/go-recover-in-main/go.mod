module p06-go-recover-in-main

go 1.22
