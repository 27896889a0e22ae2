package main

import (
	"fmt"
	"sync"
)

func main() {
	input := []int{1, 2, 3, 4, 5}
	// ANCHOR: body
	jobs := make(chan int, len(input))
	results := make(chan int, len(input))
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				results <- j * 2
			}
		}()
	}
	for _, j := range input {
		jobs <- j
	}
	close(jobs)
	wg.Wait()      // waits for workers...
	close(results) // ...then closes, then reads
	for r := range results {
		fmt.Println(r)
	}
	// ANCHOR_END: body
}
