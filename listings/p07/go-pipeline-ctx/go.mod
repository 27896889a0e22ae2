module p07-go-pipeline-ctx

go 1.22
