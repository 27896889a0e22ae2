package main

import (
	"fmt"
	"sync"
)

func main() {
	input := []int{1, 2, 3, 4, 5}
	jobs := make(chan int, len(input))
	results := make(chan int, 2) // smaller than the number of jobs
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- j * 2 // the third result has nowhere to go
			}
		}()
	}
	for _, j := range input {
		jobs <- j
	}
	close(jobs)
	wg.Wait() // the workers wait for main to read, main waits for the workers
	close(results)
	for r := range results {
		fmt.Println(r)
	}
}
