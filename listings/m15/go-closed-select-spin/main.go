package main

import (
	"fmt"
	"time"
)

func worker(ch <-chan int) {
	for {
		select {
		case n := <-ch:
			fmt.Println("Received:", n)
		}
	}
}

func main() {
	ch := make(chan int)
	go worker(ch)
	ch <- 1
	close(ch)
	time.Sleep(10 * time.Millisecond)
}
