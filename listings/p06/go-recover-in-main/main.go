package main

import "fmt"

func main() {
	// ANCHOR: body
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("main recovered:", r) // never runs: the panic is not main's
		}
	}()
	done := make(chan struct{})
	go func() {
		panic("job 3: bad record") // no recover in this goroutine
	}()
	fmt.Println("main: recover deferred, waiting for the worker")
	<-done
	// ANCHOR_END: body
}
