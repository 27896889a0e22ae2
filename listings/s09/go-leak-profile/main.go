package main

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"runtime/pprof"
	"strings"
	"time"
)

// ANCHOR: bug
// slowLookup stands for a call that answers only after its caller has given
// up: it returns once late is closed.
func slowLookup(late <-chan struct{}) int {
	<-late
	return 42
}

// fetch gives up after timeout. The bug: ch is unbuffered, so after a
// timeout nobody ever receives, and the goroutine's send blocks for ever.
func fetch(timeout time.Duration, buffered bool, late <-chan struct{}) (int, error) {
	ch := make(chan int)
	if buffered {
		ch = make(chan int, 1) // the fix: the send always completes
	}
	go func() {
		ch <- slowLookup(late)
	}()
	select {
	case v := <-ch:
		return v, nil
	case <-time.After(timeout):
		return 0, errors.New("timeout")
	}
}

// ANCHOR_END: bug

// ANCHOR: find
// profileSummary writes a profile with debug=1 (identical stacks grouped)
// and returns its header line and whether a stack goes through the
// leaking goroutine's function.
func profileSummary(name string) (string, bool) {
	var buf bytes.Buffer
	pprof.Lookup(name).WriteTo(&buf, 1)
	header, _, _ := strings.Cut(buf.String(), "\n")
	return header, strings.Contains(buf.String(), "main.fetch.func1")
}

// settle polls f every millisecond until it returns true, for at most 5 s.
func settle(f func() bool) {
	for deadline := time.Now().Add(5 * time.Second); !f() && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
}

func main() {
	late := make(chan struct{})
	for range 10 {
		fetch(time.Millisecond, true, late)
	}
	close(late) // every caller has timed out; now the lookups answer
	settle(func() bool { return runtime.NumGoroutine() == 1 })
	fmt.Println("buffered:   runtime.NumGoroutine() =", runtime.NumGoroutine())

	late = make(chan struct{})
	for range 10 {
		fetch(time.Millisecond, false, late)
	}
	close(late)
	settle(func() bool {
		header, _ := profileSummary("goroutineleak")
		return strings.HasSuffix(header, "total 10")
	})
	fmt.Println("unbuffered: runtime.NumGoroutine() =", runtime.NumGoroutine())
	for _, name := range []string{"goroutine", "goroutineleak"} {
		header, inFetch := profileSummary(name)
		fmt.Printf("  %s, stacks in main.fetch.func1: %v\n", header, inFetch)
	}
}

// ANCHOR_END: find
