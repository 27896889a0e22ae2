package main

import (
	"fmt"
	"runtime"
	"time"
)

func main() {
	runtime.GOMAXPROCS(1) // one thread runs Go code: the spinner and main must share it
	go func() {
		for { // no function call, no channel, no allocation: never yields by itself
		}
	}()
	time.Sleep(10 * time.Millisecond) // the spinner has the thread now
	fmt.Println("main ran again: the runtime preempted the spinning goroutine")
}
