package main

import (
	"context"
	"fmt"
	"time"
)

// query stands in for a database call that honours its context.
func query(ctx context.Context) error {
	select {
	case <-time.After(time.Hour): // the "work"
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func main() {
	inbox := make(chan string, 1)
	inbox <- "hello"
	parent := context.Background()
	// ANCHOR: tools
	// A callback: runs on its own goroutine when the timer fires.
	t1 := time.AfterFunc(time.Hour, func() { fmt.Println("flush") })
	fmt.Println("stopped before it ran:", t1.Stop()) // Stop never waits for f

	// An event: one value on t2.C when the timer fires.
	t2 := time.NewTimer(time.Hour)
	for range 2 {
		select {
		case msg := <-inbox:
			fmt.Println("handled", msg)
			// push the deadline; go 1.23+: no stale value to drain
			t2.Reset(50 * time.Millisecond)
		case <-t2.C:
			fmt.Println("idle")
		}
	}

	// A deadline that travels: every callee that takes ctx sees it.
	ctx, cancel := context.WithTimeout(parent, 50*time.Millisecond)
	// cancel releases the timer early; go vet's lostcancel check flags a missing cancel
	defer cancel()
	fmt.Println("query:", query(ctx))
	// ANCHOR_END: tools
}
