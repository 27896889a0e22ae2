package main

import (
	"fmt"
	"sync"
)

func main() {
	src := make(chan int)
	go func() {
		defer close(src)
		for v := 1; v <= 10; v++ {
			src <- v
		}
	}()
	// ANCHOR: one
	fs := []func(int) int{
		func(v int) int { return v * 2 },
		func(v int) int { return v + 1 },
		func(v int) int { return v * v },
	}
	var wg sync.WaitGroup // one counter for all six workers
	outs := make([]chan int, len(fs))
	in := (<-chan int)(src)
	for s, f := range fs {
		outs[s] = make(chan int)
		out := outs[s]
		wg.Add(2)
		for range 2 {
			go func(in <-chan int) {
				defer wg.Done()
				for v := range in { // ends only when this stage's input is closed
					out <- f(v)
				}
			}(in)
		}
		in = out
	}
	go func() { // one closer for every output: it waits for stage 2 and 3 too
		wg.Wait()
		for _, out := range outs {
			close(out)
		}
	}()
	// ANCHOR_END: one
	sum := 0
	for v := range in {
		sum += v
	}
	fmt.Println("sum", sum)
}
