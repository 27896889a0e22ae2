package main

import (
	"fmt"
	"sync"
)

func work(i int) {
	if i == 2 {
		panic("bad record")
	}
}

func main() {
	const n = 4
	errs := make(chan error, n) // room for every worker's error
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		// ANCHOR: worker
		go func(i int) {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					errs <- fmt.Errorf("worker %d: %v", i, r) // buffered: cannot block
				}
			}()
			work(i)
		}(i)
		// ANCHOR_END: worker
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		fmt.Println("error:", err)
	}
	fmt.Println("main carries on")
}
