package main

import (
	"fmt"
	"sync"
)

func main() {
	counts := map[int]int{} // shared, no lock
	var wg sync.WaitGroup
	for g := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 1_000_000 {
				counts[i%100] += g // two goroutines write the map at the same time
			}
		}()
	}
	wg.Wait()
	fmt.Println(len(counts))
}
