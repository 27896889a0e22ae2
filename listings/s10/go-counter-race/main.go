package main

import (
	"fmt"
	"sync"
)

func main() {
	// ANCHOR: body
	var wg sync.WaitGroup
	hits := 0
	for range 2 {
		wg.Go(func() { // Go 1.25
			for range 1000 {
				n := hits    // read...
				hits = n + 1 // ...and write, unordered with the other goroutine's
			}
		})
	}
	wg.Wait()
	fmt.Println("hits:", hits)
	// ANCHOR_END: body
}
