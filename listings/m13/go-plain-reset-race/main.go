package main

import (
	"fmt"
	"sync/atomic"
	"time"
)

var hits int64

func record() { atomic.AddInt64(&hits, 1) }
func reset()  { hits = 0 } // plain write: a data race with record

// The race report of an atomic access leaves out the function that made it (record,
// here) and names only its caller. This extra frame keeps main's line in the report.
//
//go:noinline
func report() { record() }

func main() {
	go reset()
	time.Sleep(200 * time.Millisecond) // reset is long done, but unordered with record
	report()
	fmt.Println("hits:", atomic.LoadInt64(&hits))
}
