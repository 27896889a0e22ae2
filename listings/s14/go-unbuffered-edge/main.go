package main

import "fmt"

func main() {
	// ANCHOR: body
	var msg string
	c := make(chan int) // unbuffered
	go func() {
		msg = "hello, world"
		<-c // this receive is synchronized before the send below completes
	}()
	c <- 0
	fmt.Println(msg) // so the write to msg happened before this read
	// ANCHOR_END: body
}
