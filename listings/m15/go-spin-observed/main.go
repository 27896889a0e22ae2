package main

import "fmt"

func worker(ch <-chan int) {
	received := 0
	for {
		select {
		case n := <-ch:
			received++
			if received == 1 { // only the first value is printed: the spin stays quiet
				fmt.Println("Received:", n)
			}
		}
	}
}

func main() {
	ch := make(chan int)
	go worker(ch)
	ch <- 1
	close(ch)
	select {} // main never returns, so the worker's spin can be watched
}
