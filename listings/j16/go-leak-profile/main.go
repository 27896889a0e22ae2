package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime/pprof"
	"strings"
	"sync"
	"time"
)

// leaked returns the header of the goroutineleak profile (Go 1.27; an experiment in
// Go 1.26).
func leaked() string {
	var buf bytes.Buffer
	pprof.Lookup("goroutineleak").WriteTo(&buf, 1)
	header, _, _ := strings.Cut(buf.String(), "\n")
	return header
}

func main() {
	// The background goroutine keeps the runtime's deadlock check quiet, and reports.
	go func() {
		report := leaked()
		for i := 0; i < 100 && report != "goroutineleak profile: total 2"; i++ {
			time.Sleep(10 * time.Millisecond)
			report = leaked()
		}
		fmt.Println(report) // main in Wait, the worker in its send
		os.Exit(0)
	}()
	answer := make(chan int)
	var pending sync.WaitGroup
	pending.Add(1)
	go func() {
		defer pending.Done()
		answer <- 42
	}()
	pending.Wait()
	fmt.Println(<-answer)
}
