package main

import "fmt"

func worker(ch <-chan int, done chan<- struct{}) {
	defer close(done)
	for n := range ch {
		fmt.Println("Received:", n)
	}
	fmt.Println("Channel closed")
}

func main() {
	ch, done := make(chan int), make(chan struct{})
	go worker(ch, done)
	ch <- 1
	close(ch)
	<-done
}
