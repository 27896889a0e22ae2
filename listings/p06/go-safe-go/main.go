package main

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
)

// ANCHOR: safego
// safeGo runs f in a new goroutine and turns a panic in it into an error. The recover is
// deferred in the goroutine that may panic: the only place where it can work.
func safeGo(wg *sync.WaitGroup, result *error, f func()) {
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer func() {
			if r := recover(); r != nil {
				*result = fmt.Errorf("recovered: %v", r)
				var nilPanic *runtime.PanicNilError
				if err, ok := r.(error); ok && errors.As(err, &nilPanic) {
					*result = fmt.Errorf("recovered a panic(nil): %w", err)
				}
			}
		}()
		f()
	}()
}

// ANCHOR_END: safego

func main() {
	// ANCHOR: main
	jobs := []func(){
		func() {},
		func() { var s []int; _ = s[5] },
		func() { panic(nil) },
	}
	results := make([]error, len(jobs)) // one slot per job: no channel to block on
	var wg sync.WaitGroup
	for i, job := range jobs {
		safeGo(&wg, &results[i], job)
	}
	wg.Wait()
	for i, err := range results {
		fmt.Printf("job %d: %v\n", i+1, err)
	}
	// ANCHOR_END: main
}
