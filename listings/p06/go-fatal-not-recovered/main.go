package main

import "fmt"

func main() {
	// ANCHOR: body
	defer func() {
		fmt.Println("recovered:", recover()) // never runs: a fatal error is not a panic
	}()
	fmt.Println("recover deferred; now every goroutine blocks")
	<-make(chan int)
	// ANCHOR_END: body
}
