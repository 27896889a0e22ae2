package main

import (
	"context"
	"fmt"
)

// ANCHOR: send
// send tries to deliver v unless ctx is done, and reports a panic instead of dying of it.
func send(ctx context.Context, ch chan<- int, v int) (panicked bool) {
	defer func() { panicked = recover() != nil }()
	select {
	case ch <- v: // ch is closed: ready, and panics if chosen
	case <-ctx.Done(): // also ready: select picks one of the two at random
	}
	return false
}

// ANCHOR_END: send

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	ch := make(chan int)
	close(ch)
	panics := 0
	for range 100 {
		if send(ctx, ch, 1) {
			panics++
		}
	}
	// Both cases are ready every time, so both are chosen sometimes (all 100 the same has
	// odds of 2 in 2^100).
	fmt.Println("some tries panicked:", panics > 0)
	fmt.Println("some tries saw ctx.Done():", panics < 100)
}
