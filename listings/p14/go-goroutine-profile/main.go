package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
)

// ANCHOR: leak
// fetch returns a channel that will carry the result. A caller that gives up
// (or, here, never reads) leaves the sending goroutine blocked for ever.
func fetch(id int) <-chan int {
	out := make(chan int) // unbuffered: the send waits for a receiver
	go func() {
		out <- id * 2
	}()
	return out
}

// worker is healthy: it waits for jobs and returns when the channel closes.
func worker(jobs <-chan int) {
	for range jobs {
	}
}

// ANCHOR_END: leak

// ANCHOR: profile
func main() {
	jobs := make(chan int)
	for range 3 {
		go worker(jobs)
	}
	for id := range 100 {
		fetch(id) // result ignored: the goroutine stays stuck in its send
	}
	fmt.Println("runtime.NumGoroutine:", runtime.NumGoroutine())

	// A goroutine that has not run yet has another stack than one blocked in
	// its send: let them all get there first (debug=2 shows each state).
	for {
		var all bytes.Buffer
		pprof.Lookup("goroutine").WriteTo(&all, 2)
		if !strings.Contains(all.String(), "[runnable") {
			break
		}
		runtime.Gosched()
	}
	// debug=1: one record per distinct stack, with how many goroutines share
	// it, the text net/http/pprof serves at /debug/pprof/goroutine?debug=1.
	var buf bytes.Buffer
	pprof.Lookup("goroutine").WriteTo(&buf, 1)
	for _, line := range summarize(buf.String()) {
		fmt.Println(line)
	}
	close(jobs)
}

// ANCHOR_END: profile

// ANCHOR: summarize
// summarize returns the profile's first line and, for each record, the count
// and the innermost frame of package main, from lines like
// "#\t0x4a1b2c\tmain.fetch.func1+0x2c\t/path/main.go:19", sorted by count.
func summarize(profile string) []string {
	header, body, _ := strings.Cut(profile, "\n")
	var lines []string
	for _, rec := range strings.Split(body, "\n\n") {
		var count int
		if _, err := fmt.Sscanf(rec, "%d @", &count); err != nil {
			continue
		}
		for _, line := range strings.Split(rec, "\n") {
			f := strings.Fields(line)
			if len(f) >= 4 && f[0] == "#" && strings.HasPrefix(f[2], "main.") {
				fn := f[2][:strings.LastIndex(f[2], "+")]
				at := filepath.Base(f[3])
				line := fmt.Sprintf("%4d goroutines in %s at %s", count, fn, at)
				lines = append(lines, line)
				break
			}
		}
	}
	slices.Sort(lines) // by count, then by name: ties print in a fixed order
	slices.Reverse(lines)
	return append([]string{header}, lines...)
}

// ANCHOR_END: summarize
