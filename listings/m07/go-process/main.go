package main

import (
	"context"
	"fmt"
)

type Item int

func transform(it Item) int { return int(it) * int(it) }

func process(ctx context.Context, items []Item, out chan<- int) error {
	for _, it := range items {
		if err := ctx.Err(); err != nil { // between units of work
			return err
		}
		select {
		case <-ctx.Done(): // at the blocking point
			return ctx.Err()
		case out <- transform(it): // transform runs before select picks a case
		}
	}
	return nil
}

func main() {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out := make(chan int) // unbuffered: process waits for each receive
	errc := make(chan error, 1)
	go func() { errc <- process(ctx, []Item{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, out) }()
	for range 3 {
		fmt.Println("got", <-out)
	}
	cancel() // the consumer has had enough
	fmt.Println("process:", <-errc)
}
