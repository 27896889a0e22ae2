package main

import "fmt"

func main() {
	ch := make(chan *[]int, 1)
	done := make(chan struct{})
	go func() { // the receiver
		p := <-ch
		fmt.Println(len(*p))
		close(done)
	}()
	// ANCHOR: body
	buf := []int{}
	ch <- &buf           // the receiver now holds a pointer to the same slice
	buf = append(buf, 2) // ...and the sender keeps writing: a data race
	// ANCHOR_END: body
	<-done
}
