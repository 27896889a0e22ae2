package main

import "fmt"

func worker(ch <-chan int) {
	zeros := 0
	for {
		select {
		case n := <-ch:
			if n == 0 {
				zeros++ // counted, not printed: the spin stays quiet
			} else {
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
