package main

import (
	"fmt"
	"sync"
)

func main() {
	var counter int // shared by 100 goroutines, no lock
	var wg sync.WaitGroup
	for range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			counter++ // read, add, write: two goroutines can read the same old value
		}()
	}
	wg.Wait()
	fmt.Println("Final count:", counter)
}
