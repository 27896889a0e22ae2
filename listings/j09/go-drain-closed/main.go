package main

import "fmt"

func main() {
	// ANCHOR: body
	ch := make(chan int, 2)
	ch <- 7
	ch <- 8
	close(ch)
	for range 4 { // go 1.22: range over an integer
		v, ok := <-ch
		fmt.Println(v, ok) // 7 true, 8 true, then 0 false forever
	}
	// ANCHOR_END: body
}
