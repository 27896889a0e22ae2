package main

import "fmt"

func trySend(ch chan int, v int) (err error) {
	defer func() {
		if r := recover(); r != nil { // an ordinary panic: recover catches it
			err = fmt.Errorf("recovered: %v", r)
		}
	}()
	ch <- v
	return nil
}

func main() {
	ch := make(chan int, 1)
	close(ch)
	fmt.Println(trySend(ch, 5))
	fmt.Println("main carries on")
}
