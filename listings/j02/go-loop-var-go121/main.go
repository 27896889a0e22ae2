package main

import (
	"fmt"
	"sync"
)

func main() {
	start := make(chan struct{})
	var wg sync.WaitGroup
	// ANCHOR: loop
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start        // wait until the loop has finished
			fmt.Println(i) // go.mod says go 1.21: one i, shared by every iteration
		}()
	}
	// ANCHOR_END: loop
	close(start)
	wg.Wait()
}
