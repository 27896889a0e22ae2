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
			fmt.Println(i) // go.mod says go 1.22: a new i in every iteration
		}()
	}
	// ANCHOR_END: loop
	close(start)
	wg.Wait()
}
