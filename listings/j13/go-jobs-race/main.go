package main

import (
	"fmt"
	"time"
)

type Job struct{ ID int }

func main() {
	var jobs []*Job // shared, no lock
	go func() {
		for i := range 1000 {
			jobs = append(jobs, &Job{ID: i})
		}
	}()
	time.Sleep(200 * time.Millisecond) // the appends are long over: no overlap in time
	fmt.Println("Job count:", len(jobs))
}
