package main

import (
	"fmt"
	"sync"
)

type Job int

func work(j Job) int { return int(j) * 10 }

func main() {
	jobs := []Job{1, 2, 3, 4}
	total := 0
	use := func(r int) { total += r }
	// ANCHOR: body
	results := make(chan int, len(jobs))
	var wg sync.WaitGroup
	for _, j := range jobs {
		wg.Add(1)
		go func(j Job) { defer wg.Done(); results <- work(j) }(j)
	}
	go func() { wg.Wait(); close(results) }() // the WaitGroup drives the close
	for r := range results {
		use(r)
	}
	// ANCHOR_END: body
	fmt.Println("total", total)
}
