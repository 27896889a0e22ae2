package main

import "fmt"

func main() {
	// ANCHOR: body
	defer func() {
		if r := recover(); r != nil {
			fmt.Println("main recovered:", r) // never runs: the panic is not main's
		}
	}()
	// Printed before the worker exists: once it runs, its panic can end the
	// process in the middle of any later print.
	fmt.Println("main: recover deferred, starting the worker")
	done := make(chan struct{})
	go func() {
		panic("job 3: bad record") // no recover in this goroutine
	}()
	<-done // nobody closes it: main waits until the process dies
	// ANCHOR_END: body
}
