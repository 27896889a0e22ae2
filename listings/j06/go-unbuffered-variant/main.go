package main

import (
	"fmt"
	"time"
)

func main() {
	slot := make(chan int) // unbuffered: the send below needs a receiver now
	slot <- 1
	go func() {
		slot <- 2
	}()
	fmt.Println(<-slot)
	time.Sleep(500 * time.Millisecond) // "give the goroutine time"
}
