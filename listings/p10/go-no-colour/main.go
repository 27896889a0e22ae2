package main

import (
	"fmt"
	"sync"
)

// ANCHOR: body
// lookup blocks until a reply arrives. Nothing in its signature says so.
func lookup(requests chan<- chan string, key string) string {
	reply := make(chan string)
	requests <- reply // blocks until the server takes it
	return key + "=" + <-reply
}

func main() {
	requests := make(chan chan string)
	go func() { // the server
		for reply := range requests {
			reply <- "ok"
		}
	}()

	// The same blocking function, called directly ...
	fmt.Println("direct:", lookup(requests, "a"))

	// ... and from a goroutine, with no change to it or its callers.
	var wg sync.WaitGroup
	results := make([]string, 3)
	for i := range results {
		wg.Go(func() { results[i] = lookup(requests, fmt.Sprint("k", i)) })
	}
	wg.Wait()
	fmt.Println("from goroutines:", results)
	close(requests)
}

// ANCHOR_END: body
