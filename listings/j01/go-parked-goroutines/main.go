package main

import (
	"bufio"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// rssKiB reads the line `VmRSS:   2048 kB` from /proc/self/status.
func rssKiB() int {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		panic(err)
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if rest, ok := strings.CutPrefix(s.Text(), "VmRSS:"); ok {
			n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			if err != nil {
				panic(err)
			}
			return n
		}
	}
	panic("no VmRSS line")
}

// ANCHOR: probe
const n = 20_000

func main() {
	release := make(chan struct{})
	var started, done sync.WaitGroup
	runtime.GC()
	before := rssKiB()
	for range n {
		started.Add(1)
		done.Add(1)
		go func() {
			defer done.Done()
			started.Done()
			<-release // parked until main closes release
		}()
	}
	started.Wait() // every goroutine has run and is parked (or about to park)
	runtime.GC()
	perGoroutine := float64(rssKiB()-before) / n
	fmt.Printf("%d parked goroutines: %.1f KiB of resident memory each\n", n, perGoroutine)
	fmt.Println("at least the 2 KiB minimum stack, and under 8 KiB:",
		perGoroutine >= 2 && perGoroutine < 8)
	close(release)
	done.Wait()
}

// ANCHOR_END: probe
