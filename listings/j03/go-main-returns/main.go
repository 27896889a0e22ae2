package main

import "fmt"

func main() {
	started := make(chan struct{})
	never := make(chan struct{}) // nobody ever sends or closes
	go func() {
		defer fmt.Println("worker's deferred call") // never runs
		close(started)
		<-never // the worker is busy for ever
		fmt.Println("worker finished")
	}()
	<-started // the worker is certainly running now
	fmt.Println("main returns")
}
