package main

import "fmt"

func main() {
	// ANCHOR: body
	var nilCh chan int
	fmt.Printf("nil:              len %d, cap %d\n", len(nilCh), cap(nilCh))

	ch := make(chan int, 3)
	fmt.Printf("open, empty:      len %d, cap %d\n", len(ch), cap(ch))
	ch <- 7 // room in the buffer: the send completes at once
	ch <- 8
	fmt.Printf("open, 2 buffered: len %d, cap %d\n", len(ch), cap(ch))
	ch <- 9
	fmt.Printf("open, full:       len %d, cap %d\n", len(ch), cap(ch))
	v, ok := <-ch
	fmt.Printf("receive, open:    %d %t\n", v, ok)

	<-ch      // takes 8
	close(ch) // an open channel closes once; 9 is still buffered
	fmt.Printf("closed, 1 left:   len %d, cap %d\n", len(ch), cap(ch))
	v, ok = <-ch
	fmt.Printf("receive, closed:  %d %t (a buffered value)\n", v, ok)
	v, ok = <-ch
	fmt.Printf("receive, drained: %d %t (at once, zero value)\n", v, ok)
	fmt.Printf("closed, drained:  len %d, cap %d\n", len(ch), cap(ch))

	unbuffered := make(chan int)
	fmt.Printf("unbuffered:       len %d, cap %d\n", len(unbuffered), cap(unbuffered))
	// ANCHOR_END: body
}
