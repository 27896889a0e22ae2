package main

import "fmt"

func main() {
	// ANCHOR: bug
	results := make(chan int)
	for i := 0; i < 3; i++ {
		go func(id int) {
			results <- id
			close(results) // every producer "closes when done"
		}(i)
	}
	// ANCHOR_END: bug
	for v := range results {
		fmt.Println("got", v)
	}
	select {} // wait here: one of the producers is about to panic
}
