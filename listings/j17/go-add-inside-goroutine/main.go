package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := range 3 {
		go func() {
			wg.Add(1) // too late: Wait may already have seen a zero counter
			defer wg.Done()
			fmt.Println("worker", i)
		}()
	}
	wg.Wait()
}
