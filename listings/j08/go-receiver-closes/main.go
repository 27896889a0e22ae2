package main

import "fmt"

func main() {
	ch := make(chan int) // bidirectional: whoever holds it may close it
	received := make(chan struct{})
	go func() { // the receiver
		fmt.Println("got", <-ch)
		close(ch) // compiles and runs: "I want no more"
		close(received)
	}()
	ch <- 1
	<-received
	ch <- 2 // the sender did not know
}
