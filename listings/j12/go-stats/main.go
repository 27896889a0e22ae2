package main

import (
	"fmt"
	"sync"
)

// ANCHOR: stats
type Stats struct {
	mu   sync.Mutex // guards hits
	hits map[string]int
}

func (s *Stats) Hit(page string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits[page]++
}

// ANCHOR_END: stats

func main() {
	s := &Stats{hits: make(map[string]int)}
	var wg sync.WaitGroup
	for range 100 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			s.Hit("/home")
		}()
	}
	wg.Wait()
	fmt.Println(s.hits["/home"])
}
