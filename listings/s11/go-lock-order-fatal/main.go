package main

import (
	"fmt"
	"sync"
)

func main() {
	// ANCHOR: body
	var accounts, audit sync.Mutex
	var bothHoldOne, done sync.WaitGroup
	bothHoldOne.Add(2)
	done.Add(2)
	go func() { // A: accounts, then audit
		defer done.Done()
		accounts.Lock()
		bothHoldOne.Done()
		bothHoldOne.Wait()
		audit.Lock()
	}()
	go func() { // B: audit, then accounts
		defer done.Done()
		audit.Lock()
		bothHoldOne.Done()
		bothHoldOne.Wait()
		accounts.Lock()
	}()
	done.Wait()
	fmt.Println("never printed")
	// ANCHOR_END: body
}
