package main

import (
	"fmt"
	"strings"
	"sync"
)

var calls int

func expensive(key string) string {
	calls++ // one goroutine only: no race here
	return strings.ToUpper(key)
}

func main() {
	var cache sync.Map
	key := "config"
	// ANCHOR: body
	for range 3 {
		// the argument is evaluated before LoadOrStore runs, hit or miss
		v, loaded := cache.LoadOrStore(key, expensive(key))
		fmt.Println(v, loaded)
	}
	fmt.Println("expensive ran", calls, "times")
	// ANCHOR_END: body
}
