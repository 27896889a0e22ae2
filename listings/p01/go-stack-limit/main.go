package main

import (
	"fmt"
	"runtime/debug"
)

// ANCHOR: body
// forever never reaches a base case: its stack grows until the limit.
func forever(n int) int64 {
	var frame [16]int64
	frame[n%16] = int64(n)
	return forever(n+1) + frame[n%16]%2
}

func main() {
	// The default limit is 1 GB on 64-bit systems; a smaller one fails sooner.
	debug.SetMaxStack(64 << 20)
	fmt.Println("maximum goroutine stack: 64 MiB")
	fmt.Println(forever(0))
}

// ANCHOR_END: body
