package main

import (
	"fmt"
	"time"
)

// ANCHOR: leak
func generate() <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for n := 0; ; n++ {
			out <- n // blocks for ever once nobody receives
		}
	}()
	return out
}

func stage(in <-chan int, f func(int) (int, bool)) <-chan int {
	out := make(chan int)
	go func() {
		defer close(out)
		for x := range in {
			if y, ok := f(x); ok {
				out <- y // the same
			}
		}
	}()
	return out
}

func firstFive() []int {
	squares := stage(generate(), func(x int) (int, bool) { return x * x, true })
	odd := stage(squares, func(x int) (int, bool) { return x, x%2 == 1 })
	var took []int
	for v := range odd {
		took = append(took, v)
		if len(took) == 5 {
			return took // the consumer leaves; three goroutines stay blocked
		}
	}
	return took
}

// ANCHOR_END: leak

func main() {
	fmt.Println("the sink took", firstFive())
	time.Sleep(time.Hour) // a server would go on running here
}
