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
			// go.mod says go 1.21: this reads the one shared i, while the loop may still change it
			fmt.Println(i)
		}()
	}
	wg.Wait()
}
