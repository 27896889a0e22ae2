package main

import (
	"fmt"
	"sync"
)

func main() {
	var wg sync.WaitGroup
	for round := range 100_000 {
		wg.Add(1)
		go func() {
			wg.Wait() // a second waiter, still inside Wait when the next round starts
		}()
		wg.Done()
		wg.Add(1) // the next round's Add from zero, overlapping that Wait
		wg.Done()
		if round == 99_999 {
			fmt.Println("no panic in 100 000 rounds")
		}
	}
}
