package main

import (
	"fmt"
	"sync"
)

func main() {
	// ANCHOR: body
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
		close(results) // without this line, the range below never ends
	}()
	for r := range results {
		fmt.Println(r)
	}
	// ANCHOR_END: body
}
