package main

import "fmt"

func main() {
	// ANCHOR: shed
	queue := make(chan int, 8)
	ticks, served := make(chan struct{}), make(chan bool)
	go func() { // downstream: on each tick, takes one request if there is one
		for range ticks {
			select {
			case <-queue:
				served <- true
			default:
				served <- false
			}
		}
	}()

	accepted, shed, firstShed, total := 0, 0, -1, 0
	for i := range 100 { // request i arrives at 2i ms
		select {
		case queue <- i:
			accepted++
		default: // full: shed instead of waiting
			shed++
			if firstShed < 0 {
				firstShed = i
			}
		}
		if i%5 == 0 { // the downstream's tick at 2i+1 ms: 1, 11, 21 ms...
			ticks <- struct{}{}
			if <-served {
				total++
			}
		}
	}
	for len(queue) > 0 { // later ticks drain what was accepted
		ticks <- struct{}{}
		if <-served {
			total++
		}
	}
	close(ticks)
	// ANCHOR_END: shed
	fmt.Printf("offered 100, accepted %d, shed %d\n", accepted, shed)
	fmt.Printf("first shed: request %d\n", firstShed)
	fmt.Printf("served %d\n", total)
}
