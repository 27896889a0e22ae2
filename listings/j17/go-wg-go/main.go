package main

import (
	"errors"
	"fmt"
	"sync"
)

func job(i int) error {
	if i == 1 {
		return errors.New("bad input")
	}
	return nil
}

func main() {
	var wg sync.WaitGroup
	var failed sync.Map
	// ANCHOR: body
	for i := range 3 {
		wg.Go(func() { // Go 1.25: Add(1), go, and a deferred Done in one call
			if err := job(i); err != nil {
				failed.Store(i, err)
				return // no Done to remember, none to call twice
			}
		})
	}
	wg.Wait()
	// ANCHOR_END: body
	err, _ := failed.Load(1)
	fmt.Println("job 1:", err)
}
