package main

import (
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// ANCHOR: group
type call struct {
	wg   sync.WaitGroup // Done once val and err are written
	val  int
	err  error
	dups int // callers that joined; guarded by Group.mu
}

type Group struct {
	mu    sync.Mutex
	calls map[string]*call // only calls in flight
}

func (g *Group) Do(key string, fn func() (int, error)) (v int, err error, shared bool) {
	g.mu.Lock()
	if g.calls == nil {
		g.calls = make(map[string]*call)
	}
	if c, ok := g.calls[key]; ok {
		c.dups++
		g.mu.Unlock()
		c.wg.Wait()
		return c.val, c.err, true
	}
	c := new(call)
	c.wg.Add(1)
	g.calls[key] = c
	g.mu.Unlock()

	c.val, c.err = fn() // a panic here would leave the waiters blocked forever
	g.mu.Lock()
	delete(g.calls, key) // later calls run fn again
	shared = c.dups > 0
	g.mu.Unlock()
	c.wg.Done()
	return c.val, c.err, shared
}

// ANCHOR_END: group

// waiting reports how many callers wait for key's call in flight.
func (g *Group) waiting(key string) int {
	g.mu.Lock()
	defer g.mu.Unlock()
	if c, ok := g.calls[key]; ok {
		return c.dups
	}
	return 0
}

// herd: n goroutines call Do for one key; the fn that runs waits until the
// other n-1 have joined, so the outcome does not depend on scheduling.
// It returns the number of fetches and how many callers got each result.
func herd(n int, val int, err error) (int64, map[string]int) {
	var g Group
	var fetches atomic.Int64
	gate := make(chan struct{})
	results := make([]string, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			v, gotErr, shared := g.Do("user:7", func() (int, error) {
				<-gate
				fetches.Add(1)
				return val, err
			})
			results[i] = fmt.Sprintf("(%d, %v, shared=%t)", v, gotErr, shared)
		}()
	}
	for g.waiting("user:7") < n-1 {
		runtime.Gosched()
	}
	close(gate)
	wg.Wait()
	counts := map[string]int{}
	for _, r := range results {
		counts[r]++
	}
	return fetches.Load(), counts
}

func main() {
	// ANCHOR: use
	fetches, got := herd(8, 42, nil)
	fmt.Println("herd: 8 callers,", fetches, "fetch:", got)
	fetches, got = herd(4, 0, errors.New("backend down"))
	fmt.Println("error: 4 callers,", fetches, "fetch:", got)

	var g Group
	var n int
	for range 2 {
		g.Do("user:7", func() (int, error) { n++; return n, nil })
	}
	fmt.Println("sequential: 2 calls,", n, "fetches")
	// ANCHOR_END: use
}
