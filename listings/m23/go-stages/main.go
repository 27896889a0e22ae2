package main

import (
	"fmt"
	"sync"
)

// ANCHOR: stage
func stage(in <-chan int, workers int, f func(int) int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup // one per stage
	wg.Add(workers)
	for i := 0; i < workers; i++ {
		go func() {
			defer wg.Done()
			for v := range in {
				out <- f(v)
			}
		}()
	}
	go func() { wg.Wait(); close(out) }() // this stage's close
	return out
}

// ANCHOR_END: stage

func main() {
	src := make(chan int)
	go func() {
		defer close(src)
		for v := 1; v <= 10; v++ {
			src <- v
		}
	}()
	double := func(v int) int { return v * 2 }
	inc := func(v int) int { return v + 1 }
	square := func(v int) int { return v * v }
	sum := 0
	for v := range stage(stage(stage(src, 2, double), 2, inc), 2, square) {
		sum += v
	}
	fmt.Println("sum", sum)
}
