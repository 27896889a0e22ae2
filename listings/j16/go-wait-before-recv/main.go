package main

import (
	"fmt"
	"sync"
)

func main() {
	answer := make(chan int) // unbuffered
	var pending sync.WaitGroup
	pending.Add(1)
	go func() {
		defer pending.Done()
		answer <- 42 // waits for a receiver
	}()
	pending.Wait()        // waits for the worker to return
	fmt.Println(<-answer) // the receive the worker is waiting for
}
