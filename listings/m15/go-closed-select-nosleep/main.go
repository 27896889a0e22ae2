package main

import "fmt"

func worker(ch <-chan int) {
	for {
		select {
		case n := <-ch:
			fmt.Println("Received:", n)
		}
	}
}

func main() {
	ch := make(chan int)
	go worker(ch)
	ch <- 1
	close(ch) // and main returns at once
}
