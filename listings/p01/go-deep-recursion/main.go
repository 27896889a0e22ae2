package main

import (
	"fmt"
	"runtime"
)

// stackInUse is the memory the runtime holds for goroutine stacks. Not
// inlined: its 5 KiB MemStats must not sit in every frame of descend.
//
//go:noinline
func stackInUse() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.StackInuse
}

// ANCHOR: deep
// Each call keeps a 128-byte array on the stack, so 100 000 calls need
// more than 12 MiB: more than a default 8 MiB thread stack holds.
func descend(n int, deepest *uint64) int64 {
	var frame [16]int64
	frame[n%16] = int64(n)
	if n == 0 {
		*deepest = stackInUse()
		return 0
	}
	return descend(n-1, deepest) + frame[n%16]%2
}

func main() {
	const mib = 1 << 20
	var deepest uint64
	parked := make(chan struct{})
	release := make(chan struct{})
	go func() {
		odd := descend(100_000, &deepest)
		fmt.Println("returned from depth 100000, odd depths:", odd)
		close(parked)
		<-release // parked with a shallow stack
	}()
	<-parked
	fmt.Println("stack in use at the deepest call > 8 MiB:", deepest > 8*mib)
	// ANCHOR_END: deep
	// ANCHOR: shrink
	for range 8 {
		runtime.GC() // each cycle may halve a stack that is mostly unused
	}
	fmt.Println("after 8 GC cycles, stack in use < 1 MiB:", stackInUse() < mib)
	close(release)
	// ANCHOR_END: shrink
}
