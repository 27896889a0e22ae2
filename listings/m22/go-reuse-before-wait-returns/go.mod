module m22-go-reuse-before-wait-returns

go 1.22
