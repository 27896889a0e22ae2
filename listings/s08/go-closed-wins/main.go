package main

import "fmt"

// ANCHOR: body
func main() {
	closed := make(chan int)
	close(closed)
	slow := make(chan int) // nobody ever sends on it

	wins := 0
	for range 1000 {
		select {
		case <-closed: // a closed channel is always ready
			wins++
		case <-slow:
		}
	}
	fmt.Printf("the closed channel's case ran %d times in 1000 selects\n", wins)

	var off chan int // nil: never ready
	select {
	case <-off:
		fmt.Println("unreachable")
	default:
		fmt.Println("a nil channel's case is never chosen")
	}
}

// ANCHOR_END: body
