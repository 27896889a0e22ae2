package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
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
	release := make(chan struct{})
	started := make(chan struct{})
	for range 10_000 {
		go func() {
			started <- struct{}{}
			<-release // parked: a G waiting on a channel holds no M and no P
		}()
	}
	for range 10_000 {
		<-started
	}
	fmt.Println("goroutines:", runtime.NumGoroutine())
	// Never more than one thread per P plus a few: sysmon, template and idle Ms.
	fewer := osThreads() < runtime.GOMAXPROCS(0)+16
	fmt.Println("OS threads fewer than GOMAXPROCS + 16:", fewer)
	close(release)
}

// ANCHOR_END: body
