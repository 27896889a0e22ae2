package main

import (
	"fmt"
	"time"
)

// ANCHOR: body
func worker(jobs <-chan int, results chan<- int) {
	for j := range jobs { // ends only when jobs is closed
		results <- j * j
	}
}

func main() {
	jobs, results := make(chan int), make(chan int)
	for range 3 {
		go worker(jobs, results)
	}
	sum := 0
	for i := range 6 {
		jobs <- i
		sum += <-results
	}
	fmt.Println("sum of squares:", sum) // the bug: jobs is never closed
	time.Sleep(time.Hour)               // a long-lived server would go on here
}

// ANCHOR_END: body
