package main

import (
	"fmt"
	"runtime"
	"sync/atomic"
)

// ANCHOR: stack
type node struct {
	value int
	next  *node
}

type Stack struct {
	head atomic.Pointer[node]
}

func (s *Stack) Push(v int) {
	n := &node{value: v} // always a fresh node
	for {
		old := s.head.Load()
		n.next = old
		if s.head.CompareAndSwap(old, n) {
			return
		}
	}
}

// Pop takes the top value. pause, if not nil, runs once between reading
// the head and the compare-and-swap: the window in which ABA would strike.
func (s *Stack) Pop(pause func(seen *node)) (value int, ok bool, tries int) {
	for {
		tries++
		old := s.head.Load()
		if old == nil {
			return 0, false, tries
		}
		next := old.next
		if pause != nil {
			pause(old)
			pause = nil
		}
		if s.head.CompareAndSwap(old, next) {
			return old.value, true, tries
		}
	}
}

// ANCHOR_END: stack

func main() {
	// ANCHOR: use
	var s Stack
	for _, v := range []int{3, 2, 1} {
		s.Push(v)
	}
	seen := make(chan *node)
	resume := make(chan struct{})
	done := make(chan string)
	go func() { // A: reads head (1) and next (2), then waits
		v, _, tries := s.Pop(func(n *node) { seen <- n; <-resume })
		done <- fmt.Sprintf("A popped %d after %d tries", v, tries)
	}()
	first := <-seen // A now holds a pointer to node 1
	a, _, _ := s.Pop(nil)
	b, _, _ := s.Pop(nil)
	runtime.GC() // nodes 1 and 2 are unreachable from the stack now
	s.Push(4)
	fmt.Println("main popped", a, b, "and pushed 4")
	fmt.Println("node 4 reuses node 1's memory:", s.head.Load() == first)
	close(resume)
	fmt.Println(<-done)
	rest, _, _ := s.Pop(nil)
	fmt.Println("left in the stack:", rest)
	// ANCHOR_END: use
}
