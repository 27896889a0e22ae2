package main

import (
	"fmt"
	"sync"
)

func main() {
	// ANCHOR: body
	var mu sync.Mutex
	cond := sync.NewCond(&mu)
	queue := []int{}

	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			queue = append(queue, i) // change the state under the lock,
			mu.Unlock()
			cond.Signal() // then wake one waiter
		}()
	}

	got := 0
	mu.Lock()
	for got < 3 {
		for len(queue) == 0 { // a loop: woken does not mean non-empty
			cond.Wait() // unlocks mu, sleeps, locks mu again
		}
		got += len(queue)
		queue = queue[:0]
	}
	mu.Unlock()
	wg.Wait()
	fmt.Println("items received:", got)
	// ANCHOR_END: body
}
