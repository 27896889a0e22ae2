package main

import "fmt"

func main() {
	ch := make(chan int, 1)
	close(ch)
	v := 5
	// ANCHOR: select
	select {
	case ch <- v: // ch is closed: this case is ready, and choosing it panics
		fmt.Println("sent")
	default:
		fmt.Println("not sent")
	}
	// ANCHOR_END: select
}
