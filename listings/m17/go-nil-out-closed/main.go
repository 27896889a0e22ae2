package main

import (
	"fmt"
	"slices"
)

func produce(vs ...int) chan int {
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
	a, b := produce(1, 2, 3), produce(10, 20)
	var out []int
	// ANCHOR: merge
	for a != nil || b != nil {
		select {
		case v, ok := <-a:
			if !ok {
				a = nil // closed: switch this case off
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
	// ANCHOR_END: merge
	slices.Sort(out) // arrival order varies; the set does not
	fmt.Println(out)
}
