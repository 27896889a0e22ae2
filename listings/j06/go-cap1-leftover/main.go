package main

import "fmt"

func main() {
	slot := make(chan int, 1)
	slot <- 1
	sent := make(chan struct{})
	go func() {
		slot <- 2
		close(sent) // the send of 2 has completed
	}()
	fmt.Println(<-slot)
	<-sent                 // instead of a sleep: wait until 2 is in the buffer
	fmt.Println(len(slot)) // 2 is stored there, and nothing will ever receive it
}
