package main

import (
	"errors"
	"fmt"
	"time"
)

var release = make(chan struct{})

func slowWork() int {
	<-release
	return 42
}

func withTimeout(d time.Duration) (int, error) {
	ch := make(chan int) // no buffer
	go func() { ch <- slowWork() }()
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(d):
		return 0, errors.New("timeout")
	}
}

func main() {
	v, err := withTimeout(10 * time.Millisecond)
	fmt.Println(v, err)
	close(release) // the work completes, and its send has nobody to meet
	for {          // carry on like a server would
		time.Sleep(time.Hour)
	}
}
