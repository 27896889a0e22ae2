package main

import "fmt"

func main() {
	// ANCHOR: body
	var msg string
	c := make(chan int, 1) // the only change: a buffer of one
	go func() {
		msg = "hello, world"
		<-c
	}()
	c <- 0           // completes at once, into the buffer: no edge from the receive
	fmt.Println(msg) // races with the write
	// ANCHOR_END: body
}
