package main

import (
	"fmt"
	"sync"
)

func main() {
	answer := make(chan int)
	var pending sync.WaitGroup
	pending.Add(1)
	go func() {
		defer pending.Done()
		answer <- 42
	}()
	// ANCHOR: fix
	v := <-answer
	pending.Wait()
	fmt.Println(v)
	// ANCHOR_END: fix
}
