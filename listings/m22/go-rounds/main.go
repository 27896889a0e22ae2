package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

var finished [3]atomic.Int32 // how many workers finished, per round

func work(round, i int) { finished[round].Add(1) }

func main() {
	// ANCHOR: body
	var wg sync.WaitGroup
	for round := 0; round < 3; round++ {
		for i := 0; i < 3; i++ {
			wg.Add(1)
			go func() { defer wg.Done(); work(round, i) }() // go 1.22: per-iteration vars
		}
		wg.Wait() // round is over only when this returns
		fmt.Println("round", round, "finished:", finished[round].Load())
	}
	// ANCHOR_END: body
}
