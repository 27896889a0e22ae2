package main

import (
	"fmt"
	"sync"
)

func main() {
	answer := make(chan int, 1) // one slot: the send completes without a receiver
	var pending sync.WaitGroup
	pending.Add(1)
	go func() {
		defer pending.Done()
		answer <- 42 // fills the slot and returns
	}()
	pending.Wait()        // waits for the worker to return
	fmt.Println(<-answer) // 42 has been waiting in the slot
}
