package main

import "fmt"

func main() {
	// ANCHOR: body
	out := make(chan []int)
	done := make(chan int)
	go func() {
		batch := <-out
		sum := 0
		for _, v := range batch {
			sum += v
		}
		done <- sum
	}()
	batch := []int{1, 2, 3}
	out <- batch // sends the slice header: both goroutines now share the array
	batch[0] = 100
	fmt.Println(<-done)
	// ANCHOR_END: body
}
