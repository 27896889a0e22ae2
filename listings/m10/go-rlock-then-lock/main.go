package main

import (
	"fmt"
	"slices"
	"sync"
)

func main() {
	// ANCHOR: upgrade
	var mu sync.RWMutex
	tags := []string{"alpha", "beta"}

	mu.RLock()
	if !slices.Contains(tags, "gamma") {
		fmt.Println("read lock held; now asking for the write lock")
		mu.Lock() // waits for every reader, including this goroutine's own RLock
		tags = append(tags, "gamma")
		mu.Unlock()
	}
	mu.RUnlock()
	fmt.Println("tags:", len(tags))
	// ANCHOR_END: upgrade
}
