package main

import "fmt"

func main() {
	ch := make(chan int, 2)
	ch <- 1
	ch <- 2
	fmt.Println("sent 1 and 2")
	ch <- 3 // the buffer is full, and no other goroutine exists to receive
	fmt.Println(<-ch)
}
