package main

import (
	"fmt"
	"sync"
)

// ANCHOR: merge
func merge(cs ...<-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	wg.Add(len(cs))
	for _, c := range cs {
		go func(c <-chan int) {
			defer wg.Done()
			for v := range c {
				out <- v
			}
		}(c)
	}
	go func() { wg.Wait(); close(out) }() // only after every forwarder is done
	return out
}

// ANCHOR_END: merge

func produce(vs ...int) <-chan int {
	c := make(chan int)
	go func() {
		defer close(c)
		for _, v := range vs {
			c <- v
		}
	}()
	return c
}

func main() {
	sum, count := 0, 0
	for v := range merge(produce(1, 2, 3), produce(10, 20), produce(100)) {
		sum += v
		count++
	}
	fmt.Println(count, "values, sum", sum)
}
