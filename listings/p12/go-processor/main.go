package main

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

const (
	lines    = 4000
	capacity = 64
	parsers  = 4
)

// generate writes the same file as the Rust listing: line i depends on i alone.
func generate(f *os.File) error {
	w := bufio.NewWriter(f)
	for i := uint32(0); i < lines; i++ {
		h := i * 2654435761
		level := "ERROR"
		switch {
		case h%100 < 70:
			level = "INFO"
		case h%100 < 95:
			level = "WARN"
		}
		service := []string{"api", "auth", "billing"}[(h>>8)%3]
		if i%1000 == 999 {
			fmt.Fprintf(w, "~~ truncated line %d\n", i)
		} else {
			fmt.Fprintf(w, "ts=%d level=%s svc=%s latency_ms=%d\n", i, level, service,
				(h>>12)%500)
		}
	}
	return w.Flush()
}

type record struct {
	level, service string
	latency        int
	ok             bool
}

func parse(line string) record {
	f := strings.Split(line, " ")
	if len(f) != 4 || !strings.HasPrefix(f[0], "ts=") ||
		!strings.HasPrefix(f[1], "level=") ||
		!strings.HasPrefix(f[2], "svc=") || !strings.HasPrefix(f[3], "latency_ms=") {
		return record{}
	}
	latency, err := strconv.Atoi(strings.TrimPrefix(f[3], "latency_ms="))
	if err != nil {
		return record{}
	}
	return record{strings.TrimPrefix(f[1], "level="), strings.TrimPrefix(f[2], "svc="),
		latency, true}
}

// ANCHOR: depth
// observe raises *deepest to n if n is larger (a CAS loop: Go has no atomic max).
func observe(deepest *atomic.Int64, n int) {
	for {
		old := deepest.Load()
		if int64(n) <= old || deepest.CompareAndSwap(old, int64(n)) {
			return
		}
	}
}

// ANCHOR_END: depth

func main() {
	f, err := os.CreateTemp("", "p12-go-processor-*.log")
	if err != nil {
		panic(err)
	}
	defer os.Remove(f.Name())
	defer f.Close()
	if err := generate(f); err != nil {
		panic(err)
	}
	if _, err := f.Seek(0, 0); err != nil {
		panic(err)
	}

	// ANCHOR: pipeline
	lineCh := make(chan string, capacity)
	recCh := make(chan record, capacity)
	var lineDeepest, recDeepest atomic.Int64
	gate := make(chan struct{}) // closed when the reader first finds lineCh full

	go func() { // the reader
		defer close(lineCh)
		opened := false
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			select {
			case lineCh <- sc.Text():
			default: // full
				observe(&lineDeepest, len(lineCh))
				if !opened {
					close(gate)
					opened = true
				}
				lineCh <- sc.Text() // waits: back-pressure
			}
			observe(&lineDeepest, len(lineCh))
		}
		if !opened {
			close(gate)
		}
	}()
	var wg sync.WaitGroup
	for range parsers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			for line := range lineCh {
				recCh <- parse(line)
				observe(&recDeepest, len(recCh))
			}
		}()
	}
	go func() { wg.Wait(); close(recCh) }()

	byLevel := map[string]int{}
	type svc struct{ n, sum, max int }
	byService := map[string]*svc{}
	garbage := 0
	for r := range recCh { // the aggregator owns the maps: no lock
		if !r.ok {
			garbage++
			continue
		}
		byLevel[r.level]++
		s := byService[r.service]
		if s == nil {
			s = &svc{}
			byService[r.service] = s
		}
		s.n, s.sum, s.max = s.n+1, s.sum+r.latency, max(s.max, r.latency)
	}
	// ANCHOR_END: pipeline

	for _, k := range sortedKeys(byLevel) {
		fmt.Printf("%-5s %d\n", k, byLevel[k])
	}
	for _, k := range sortedKeys(byService) {
		s := byService[k]
		fmt.Printf("%-7s %d requests, mean %d ms, max %d ms\n", k, s.n, s.sum/s.n, s.max)
	}
	fmt.Println("unparsable lines:", garbage)
	fmt.Printf("line queue: capacity %d, deepest observed %d\n", capacity,
		lineDeepest.Load())
	fmt.Printf("record queue: capacity %d, deepest observed <= %d: %v\n", capacity,
		capacity,
		recDeepest.Load() <= capacity)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
