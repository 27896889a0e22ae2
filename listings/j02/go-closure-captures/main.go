package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	x := 1
	wg.Add(1)
	go func() {
		defer wg.Done()
		fmt.Println("goroutine saw", x) // reads the variable, whenever it runs
	}()
	x = 2 // writes the same variable: nothing orders this with the read
	wg.Wait()
}
