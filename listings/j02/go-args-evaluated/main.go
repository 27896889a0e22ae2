package main

import (
	"fmt"
	"sync"
)

var wg sync.WaitGroup

func report(what string, v int) {
	defer wg.Done()
	fmt.Println(what, v)
}

func main() {
	// ANCHOR: body
	x := 1
	wg.Add(1)
	go report("goroutine saw", x) // x is evaluated here: report will get 1
	x = 2
	wg.Wait() // not a sleep: wait until report has printed
	fmt.Println("main has", x)
	// ANCHOR_END: body
}
