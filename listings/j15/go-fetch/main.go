package main

import (
	"fmt"
	"strings"
	"time"
)

// fetch stands in for an HTTP call: it waits a made-up latency and invents an answer.
func fetch(u string) string {
	time.Sleep(time.Duration(len(u)) * 10 * time.Millisecond)
	return u + ": " + strings.ToUpper(u)
}

func main() {
	urls := []string{"alpha", "bravo", "charlie", "delta", "echo"}
	// ANCHOR: body
	results := make(chan string, len(urls)) // room for every answer
	for _, u := range urls {
		go func(u string) { results <- fetch(u) }(u)
	}
	for range urls {
		fmt.Println(<-results) // in completion order
	}
	// ANCHOR_END: body
}
