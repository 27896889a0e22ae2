package main

import (
	"fmt"
	"time"
)

const period = 20 * time.Millisecond

func main() {
	// ANCHOR: limiter
	start := time.Now()
	ticker := time.NewTicker(period) // one request per tick
	defer ticker.Stop()              // or the ticker keeps firing
	for i := range 5 {
		<-ticker.C // wait for the next tick
		_ = i      // handle request i here
	}
	// Every receive takes a different tick, and the n-th tick fires no
	// earlier than n periods after the start.
	fmt.Println("5 requests took at least 5 periods:", time.Since(start) >= 5*period)
	// ANCHOR_END: limiter

	// ANCHOR: missed
	slow := time.NewTicker(50 * time.Millisecond)
	defer slow.Stop()
	time.Sleep(200 * time.Millisecond) // the receiver falls 4 periods behind
	<-slow.C                           // one tick is waiting...
	select {
	case <-slow.C:
		fmt.Println("a second missed tick was kept")
	default:
		fmt.Println("after 4 missed ticks, 1 was waiting")
	}
	// ANCHOR_END: missed
}
