module p07-go-pipeline-leak

go 1.22
