package main

import (
	"fmt"
	"sync"
)

func work(i int) { fmt.Println("worker", i, "done") }

func main() {
	// ANCHOR: body
	var wg sync.WaitGroup
	for i := range 3 { // range over an integer, and one i per iteration: go 1.22
		wg.Add(1) // 1. in the parent, before `go`
		go func() {
			defer wg.Done() // 2. deferred, so early returns count too
			work(i)
		}()
	}
	wg.Wait() // 3. returns when every Done has happened
	fmt.Println("all done")
	// ANCHOR_END: body
}
