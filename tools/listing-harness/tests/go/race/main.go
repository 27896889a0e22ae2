package main

import (
	"fmt"
	"os"
	"sync"
)

func main() {
	n := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < 2; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if len(os.Args) > 1 {
				mu.Lock()
				defer mu.Unlock()
			}
			n++
		}()
	}
	wg.Wait()
	fmt.Println(n)
}
