package main

import "fmt"

// consume gets a receive-only view of the channel: it may receive, nothing else.
func consume(in <-chan int) {
	for v := range in {
		fmt.Println(v)
	}
	close(in) // the consumer tries to close the producer's channel
}

func main() {
	ch := make(chan int, 1)
	ch <- 1
	close(ch)
	consume(ch) // a chan int converts implicitly to <-chan int
}
