package main

import (
	"fmt"
	"time"
)

func main() {
	slot := make(chan int, 1) // room for exactly one value
	slot <- 1
	go func() {
		slot <- 2
	}()
	fmt.Println(<-slot)
	time.Sleep(500 * time.Millisecond) // "give the goroutine time"
}
