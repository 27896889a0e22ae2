package main

import (
	"fmt"
	"sync"
)

func main() {
	results := make(chan int)
	var wg sync.WaitGroup
	for id := 0; id < 3; id++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			results <- id * 10
		}(id)
	}
	go func() {
		wg.Wait()
		// the close(results) is missing
	}()
	sum := 0
	for r := range results { // after the third value: waits for a fourth, or a close
		sum += r
	}
	fmt.Println("sum:", sum) // never reached
}
