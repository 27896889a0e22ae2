module c05-go-fixed-many-jobs

go 1.22
