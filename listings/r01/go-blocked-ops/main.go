package main

import "time"

func main() {
	// ANCHOR: body
	var nilCh chan int        // nil: the zero value of a channel type
	full := make(chan int, 1) // open, and full once it holds one value
	full <- 1
	empty := make(chan int, 1) // open and empty, its sender alive (main)

	go func() { nilCh <- 1 }() // blocks forever
	go func() { <-nilCh }()    // blocks forever
	go func() { full <- 2 }()  // blocks until someone receives
	go func() { <-empty }()    // blocks until someone sends or closes

	time.Sleep(time.Hour) // keeps the process alive: Go's deadlock check stays quiet
	// ANCHOR_END: body
	empty <- 0
}
