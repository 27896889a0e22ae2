module p10-go-no-colour

go 1.25
