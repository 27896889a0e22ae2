package main

import (
	"errors"
	"fmt"
	"sync"
	"time"
)

var (
	release  = make(chan struct{}) // slowWork finishes only when main closes this
	finished sync.WaitGroup
)

func slowWork() int {
	<-release
	return 42
}

// ANCHOR: body
func withTimeout(d time.Duration) (int, error) {
	ch := make(chan int, 1) // capacity 1: the worker can always deliver and exit
	finished.Add(1)
	go func() {
		defer finished.Done()
		ch <- slowWork()
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(d):
		return 0, errors.New("timeout")
	}
}

// ANCHOR_END: body

func main() {
	v, err := withTimeout(10 * time.Millisecond)
	fmt.Println(v, err)
	close(release) // now the work completes, long after the caller gave up
	finished.Wait()
	fmt.Println("the worker delivered into the buffer and exited")
}
