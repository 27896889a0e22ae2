package main

import (
	"fmt"
	"sync"
	"time"
)

func main() {
	go func() { // a background goroutine, like a metrics flusher
		for {
			time.Sleep(time.Second)
		}
	}()
	answer := make(chan int)
	var pending sync.WaitGroup
	pending.Add(1)
	go func() {
		defer pending.Done()
		answer <- 42
	}()
	pending.Wait()
	fmt.Println(<-answer)
}
