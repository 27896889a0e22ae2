module p09-go-errgroup

go 1.25
