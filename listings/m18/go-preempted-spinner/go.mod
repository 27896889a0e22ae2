module m18-go-preempted-spinner

go 1.22
