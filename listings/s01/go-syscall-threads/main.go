package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// osThreads reads the kernel's count of this process's threads (Linux only).
func osThreads() int {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		panic(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "Threads:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(rest))
			if err != nil {
				panic(err)
			}
			return n
		}
	}
	panic("no Threads: line")
}

// ANCHOR: body
func main() {
	runtime.GOMAXPROCS(1) // one P: at most one thread runs Go code at a time
	var fds [2]int
	if err := syscall.Pipe(fds[:]); err != nil { // a blocking pipe, not the netpoller's
		panic(err)
	}
	for range 8 {
		go func() {
			buf := make([]byte, 1)
			syscall.Read(fds[0], buf) // blocks this M in the kernel; its P is handed off
		}()
	}

	// Wait (at most 5 s) until each blocked read holds a thread of its own.
	deadline := time.Now().Add(5 * time.Second)
	for osThreads() < 9 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("GOMAXPROCS:", runtime.GOMAXPROCS(0))
	fmt.Println("at least 9 OS threads (8 in read, 1 running main):", osThreads() >= 9)
}

// ANCHOR_END: body
