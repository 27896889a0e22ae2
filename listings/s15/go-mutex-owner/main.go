package main

import (
	"fmt"
	"sync"
)

func main() {
	// ANCHOR: body
	var mu sync.Mutex
	mu.Lock()
	done := make(chan struct{})
	go func() {
		mu.Unlock() // a different goroutine unlocks: allowed
		close(done)
	}()
	<-done
	fmt.Println("TryLock after another goroutine unlocked:", mu.TryLock())
	mu.Unlock()
	fmt.Println("unlocked; unlocking again:")
	mu.Unlock() // not locked: a fatal error, not a recoverable panic
	// ANCHOR_END: body
}
