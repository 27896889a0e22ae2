package main

import (
	"fmt"
	"os"
	"time"
)

func main() {
	ch := make(chan int)
	go func() {
		ch <- 1
		ch <- 2
	}()
	fmt.Println(<-ch)
	if len(os.Args) > 1 {
		time.Sleep(500 * time.Millisecond)
		return
	}
	for {
		time.Sleep(time.Hour)
	}
}
