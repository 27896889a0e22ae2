package main

import (
	"fmt"
	"sync/atomic"
)

// ANCHOR: pool
// Buffer is reused: that is the point of a free list. Its next field
// links it into the free list while it is idle.
type Buffer struct {
	id   int
	next *Buffer
}

type FreeList struct {
	head atomic.Pointer[Buffer]
}

func (f *FreeList) Put(b *Buffer) {
	for {
		old := f.head.Load()
		b.next = old
		if f.head.CompareAndSwap(old, b) {
			return
		}
	}
}

// Get pops an idle buffer. pause, if not nil, runs once between reading the
// head and the compare-and-swap.
func (f *FreeList) Get(pause func()) *Buffer {
	for {
		old := f.head.Load()
		if old == nil {
			return nil
		}
		next := old.next
		if pause != nil {
			pause()
			pause = nil
		}
		if f.head.CompareAndSwap(old, next) {
			return old
		}
	}
}

// ANCHOR_END: pool

func main() {
	// ANCHOR: use
	var f FreeList
	for id := 3; id >= 1; id-- {
		f.Put(&Buffer{id: id}) // the list is 1 -> 2 -> 3
	}
	paused := make(chan struct{})
	resume := make(chan struct{})
	got := make(chan *Buffer)
	go func() { // A: reads head (1) and next (2), then waits
		got <- f.Get(func() { paused <- struct{}{}; <-resume })
	}()
	<-paused
	x := f.Get(nil) // buffer 1
	y := f.Get(nil) // buffer 2, in use by main from now on
	f.Put(x)        // buffer 1 comes back: the head is buffer 1 again
	close(resume)   // A's compare-and-swap sees buffer 1 and succeeds
	a := <-got
	fmt.Println("main uses buffer", y.id, "and A got buffer", a.id)
	z := f.Get(nil)
	fmt.Println("the next Get returns buffer", z.id, "- in use by main:", z == y)
	// ANCHOR_END: use
}
