package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	var wg sync.WaitGroup
	var finished atomic.Int32
	for range 4 {
		go func() {
			wg.Add(1) // too late: main may already be in Wait, or past it
			defer wg.Done()
			finished.Add(1)
		}()
	}
	wg.Wait() // the counter is usually still 0 here: Wait returns at once
	fmt.Printf("finished before Wait returned: %d of 4\n", finished.Load())
}
