package main

import "fmt"

// ANCHOR: peek
// peek never blocks. A receive on a closed channel is always ready, so the
// three results are three different states: value, closed, open and empty.
func peek(ch <-chan int) string {
	select {
	case v, ok := <-ch:
		if !ok {
			return "closed and drained"
		}
		return fmt.Sprint("got ", v) // we took v: the "check" consumed a value
	default:
		return "open and empty, for now"
	}
}

// ANCHOR_END: peek

func main() {
	// ANCHOR: main
	ch := make(chan int, 2)
	fmt.Println("open, nothing buffered:  ", peek(ch))
	ch <- 1
	fmt.Println("after ch <- 1:           ", peek(ch))
	fmt.Println("drained again:           ", peek(ch))
	ch <- 2
	close(ch)
	fmt.Println("ch <- 2, then close(ch): ", peek(ch))
	fmt.Println("closed and drained:      ", peek(ch))
	v, ok := <-ch // a blocking receive does not wait either
	fmt.Println("blocking receive now:    ", v, ok)
	// ANCHOR_END: main
}
