package main

import (
	"context"
	"fmt"
	"runtime"
	"sort"
	"sync"
	"time"
)

// ANCHOR: stages
func generate(ctx context.Context, exited func(string)) <-chan int {
	out := make(chan int)
	go func() {
		defer exited("generate")
		defer close(out)
		for n := 0; ; n++ {
			select {
			case out <- n:
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

func stage(ctx context.Context, name string, in <-chan int, f func(int) (int, bool),
	exited func(string)) <-chan int {
	out := make(chan int)
	go func() {
		defer exited(name)
		defer close(out)
		for x := range in {
			y, ok := f(x)
			if !ok {
				continue
			}
			select {
			case out <- y: // every send also watches ctx: nobody may be reading
			case <-ctx.Done():
				return
			}
		}
	}()
	return out
}

// ANCHOR_END: stages

func main() {
	// ANCHOR: main
	var mu sync.Mutex
	var exits []string
	var wg sync.WaitGroup
	wg.Add(3)
	exited := func(name string) {
		mu.Lock()
		exits = append(exits, name+" exited")
		mu.Unlock()
		wg.Done()
	}

	ctx, cancel := context.WithCancel(context.Background())
	numbers := generate(ctx, exited)
	squares := stage(ctx, "square", numbers, func(x int) (int, bool) { return x * x, true },
		exited)
	odd := stage(ctx, "keep odd", squares, func(x int) (int, bool) { return x, x%2 == 1 },
		exited)
	var took []int
	for v := range odd {
		took = append(took, v)
		if len(took) == 5 {
			break
		}
	}
	cancel() // leaving is not enough in Go: the stages must be told
	wg.Wait()
	// ANCHOR_END: main
	sort.Strings(exits) // the stages exit in any order
	fmt.Println("the sink took", took)
	for _, e := range exits {
		fmt.Println(" ", e)
	}
	// wg.Wait returns before the goroutines have quite finished: give them a moment.
	for i := 0; i < 1000 && runtime.NumGoroutine() > 1; i++ {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("goroutines left:", runtime.NumGoroutine())
}
