package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for i := 0; i < 3; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// go.mod says go 1.21: reads the one shared i, which the loop may still change
			fmt.Println(i)
		}()
	}
	wg.Wait()
}
