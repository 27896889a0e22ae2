package main

import (
	"context"
	"fmt"
	"sync"
	"time"
)

func handle(ctx context.Context, job string) error {
	select {
	case <-time.After(time.Hour): // the work
		return nil
	case <-ctx.Done():
		return ctx.Err() // context.DeadlineExceeded or context.Canceled
	}
}

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	var running sync.WaitGroup
	for _, job := range []string{"a", "b", "c"} {
		running.Add(1)
		go func(job string) {
			defer running.Done()
			fmt.Println(job, handle(ctx, job))
		}(job)
	}
	running.Wait()
}
