package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var inFlight, most atomic.Int32

func fetch(url string) {
	n := inFlight.Add(1)
	for { // remember the highest number seen at once
		m := most.Load()
		if n <= m || most.CompareAndSwap(m, n) {
			break
		}
	}
	inFlight.Add(-1)
}

func main() {
	urls := make([]string, 50)
	// ANCHOR: body
	sem := make(chan struct{}, 3) // at most 3 at a time
	var wg sync.WaitGroup
	for _, url := range urls {
		sem <- struct{}{} // acquire: blocks while 3 are running
		wg.Add(1)
		go func(url string) {
			defer wg.Done()
			defer func() { <-sem }() // release, even on an early return
			fetch(url)
		}(url)
	}
	wg.Wait()
	// ANCHOR_END: body
	fmt.Println("never more than 3 at once:", most.Load() <= 3)
}
