package main

import (
	"bytes"
	"fmt"
	"runtime/pprof"
	"strings"
	"time"
)

func firstAnswer() string {
	answers := make(chan string)
	for _, replica := range []string{"a", "b", "c"} {
		go func() {
			answers <- "answer from " + replica
		}()
	}
	return <-answers
}

// ANCHOR: profile
// leaked reads the goroutineleak profile (Go 1.27; an experiment in Go 1.26): the
// goroutines blocked on a channel that no running goroutine can reach any more.
func leaked() string {
	var buf bytes.Buffer
	pprof.Lookup("goroutineleak").WriteTo(&buf, 1)
	header, _, _ := strings.Cut(buf.String(), "\n")
	return header // "goroutineleak profile: total N"
}

// ANCHOR_END: profile

func main() {
	firstAnswer()
	// The losers may not have reached their send yet: ask again until both are there.
	report := leaked()
	for i := 0; i < 100 && report != "goroutineleak profile: total 2"; i++ {
		time.Sleep(10 * time.Millisecond)
		report = leaked()
	}
	fmt.Println(report)
}
