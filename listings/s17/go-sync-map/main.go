package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

func main() {
	// ANCHOR: body
	var cache sync.Map // the zero value is ready; keys and values are `any`
	var stored atomic.Int32
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// Check and insert in one step: exactly one goroutine stores.
			if _, loaded := cache.LoadOrStore("config", g); !loaded {
				stored.Add(1)
			}
		}()
	}
	wg.Wait()
	v, _ := cache.Load("config")
	_, isInt := v.(int) // values come back as `any`: a type assertion
	fmt.Println("goroutines that stored:", stored.Load(), "| value is an int:", isInt)

	n := 0
	cache.Range(func(k, v any) bool { n++; return true })
	fmt.Println("entries:", n)
	// ANCHOR_END: body
}
