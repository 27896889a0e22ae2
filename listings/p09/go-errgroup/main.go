package main

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"
)

// ANCHOR: group
type Group struct {
	wg      sync.WaitGroup
	errOnce sync.Once
	err     error
	cancel  context.CancelCauseFunc // nil without WithContext
	slots   chan struct{}           // nil without SetLimit
}

func WithContext(ctx context.Context) (*Group, context.Context) {
	ctx, cancel := context.WithCancelCause(ctx)
	return &Group{cancel: cancel}, ctx
}

// SetLimit: at most n functions run at once; Go blocks until a slot is free.
func (g *Group) SetLimit(n int) { g.slots = make(chan struct{}, n) }

func (g *Group) Go(f func() error) {
	if g.slots != nil {
		g.slots <- struct{}{}
	}
	g.wg.Go(func() { // Go 1.25+: Add(1), go, defer Done()
		if g.slots != nil {
			defer func() { <-g.slots }()
		}
		if err := f(); err != nil {
			g.errOnce.Do(func() { // only the first error is kept and cancels
				g.err = err
				if g.cancel != nil {
					g.cancel(err)
				}
			})
		}
	})
}

// Wait waits for every function, then returns the first error.
func (g *Group) Wait() error {
	g.wg.Wait()
	if g.cancel != nil {
		g.cancel(g.err)
	}
	return g.err
}

// ANCHOR_END: group

func main() {
	// ANCHOR: cancel
	g, ctx := WithContext(context.Background())
	var cancelled atomic.Int32
	for i := range 5 {
		g.Go(func() error {
			if i == 2 {
				return fmt.Errorf("fetch %d failed", i)
			}
			<-ctx.Done() // the others only ever stop by cancellation
			cancelled.Add(1)
			return ctx.Err()
		})
	}
	err := g.Wait()
	fmt.Println("Wait:", err, "- cancelled:", cancelled.Load())
	fmt.Println("cause:", context.Cause(ctx))
	// ANCHOR_END: cancel

	// ANCHOR: order
	var limited Group
	limited.SetLimit(2)
	results := make([]int, 5) // one slot per function: no two write the same
	var running, peak atomic.Int32
	for i := range results {
		limited.Go(func() error {
			now := running.Add(1)
			for old := peak.Load(); now > old; old = peak.Load() {
				if peak.CompareAndSwap(old, now) {
					break
				}
			}
			results[i] = i * 10
			running.Add(-1)
			return nil
		})
	}
	err = limited.Wait()
	fmt.Println("results:", results, "error:", err)
	fmt.Println("at most 2 at once:", peak.Load() <= 2)
	// ANCHOR_END: order

	// ANCHOR: stubborn
	g, ctx = WithContext(context.Background())
	var stubbornDone atomic.Bool
	g.Go(func() error { return errors.New("fetch 0 failed") })
	g.Go(func() error {
		time.Sleep(20 * time.Millisecond) // never looks at ctx
		stubbornDone.Store(true)
		return nil
	})
	err = g.Wait()
	fmt.Println("Wait:", err, "- the function ignoring ctx had returned:",
		stubbornDone.Load())
	// ANCHOR_END: stubborn
}
