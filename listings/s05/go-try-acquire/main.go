package main

import (
	"context"
	"fmt"
	"time"
)

// ANCHOR: sem
// Semaphore: a send takes a permit, a receive gives it back.
type Semaphore chan struct{}

func New(n int) Semaphore { return make(Semaphore, n) }

func (s Semaphore) Acquire() { s <- struct{}{} }

// TryAcquire never waits: the default case runs when the buffer is full.
func (s Semaphore) TryAcquire() bool {
	select {
	case s <- struct{}{}:
		return true
	default:
		return false
	}
}

// AcquireCtx waits for a permit or for ctx to end, whichever comes first.
func (s Semaphore) AcquireCtx(ctx context.Context) error {
	select {
	case s <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s Semaphore) Release() { <-s }

// ANCHOR_END: sem

func main() {
	// ANCHOR: use
	sem := New(2)
	a, b, c := sem.TryAcquire(), sem.TryAcquire(), sem.TryAcquire()
	fmt.Println("TryAcquire:", a, b, c)
	sem.Release()
	fmt.Println("after one Release:", sem.TryAcquire())

	// Both permits are held: this waits until the deadline, then gives up.
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	fmt.Println("AcquireCtx:", sem.AcquireCtx(ctx))
	// ANCHOR_END: use
}
