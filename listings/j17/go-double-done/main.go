package main

import (
	"errors"
	"fmt"
	"sync"
)

func job() error { return errors.New("bad input") }
func save()      { fmt.Println("saved") }

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	// ANCHOR: worker
	go func() {
		defer wg.Done()
		if err := job(); err != nil {
			wg.Done() // the bug: the deferred Done runs as well
			return
		}
		save()
	}()
	// ANCHOR_END: worker
	wg.Wait()
	select {} // keep main alive: the worker's panic ends the process
}
