package main

import (
	"fmt"
	"slices"
)

func produce(vals ...int) <-chan int {
	ch := make(chan int)
	go func() {
		defer close(ch)
		for _, v := range vals {
			ch <- v
		}
	}()
	return ch
}

// ANCHOR: body
func merge(a, b <-chan int) []int {
	var out []int
	for a != nil || b != nil { // done when both cases are switched off
		select {
		case v, ok := <-a:
			if !ok {
				a = nil // a nil channel is never ready: this case is now off
				continue
			}
			out = append(out, v)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			out = append(out, v)
		}
	}
	return out
}

func main() {
	got := merge(produce(1, 2, 3), produce(10, 20, 30, 40, 50))
	slices.Sort(got) // the interleaving varies; the multiset does not
	fmt.Println("merged:", got)
}

// ANCHOR_END: body
