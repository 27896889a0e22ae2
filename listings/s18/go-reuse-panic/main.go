package main

import (
	"fmt"
	"sync"
)

func main() {
	// ANCHOR: body
	var wg sync.WaitGroup
	// A watcher waits on the same WaitGroup, again and again.
	go func() {
		for {
			wg.Wait()
		}
	}()
	// Meanwhile the main loop reuses it for round after round of work.
	for round := range 100_000 {
		wg.Add(1) // counter 0 -> 1, while the watcher may be between its wake-up and return
		go func() {
			defer wg.Done()
			_ = round * 2
		}()
		wg.Wait()
	}
	fmt.Println("100000 rounds without a panic")
	// ANCHOR_END: body
}
