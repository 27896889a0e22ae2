package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for id := 1; id <= 4; id++ {
		wg.Add(1)
		go func(id int) {
			defer wg.Done()
			if id == 2 {
				panic(fmt.Sprintf("worker %d failed", id))
			}
			// the work (workers print nothing; main reports)
		}(id)
	}
	wg.Wait()
	fmt.Println("all workers returned")
}
