package main

import (
	"fmt"
	"sync"
)

type Stats struct {
	mu   sync.Mutex // guards hits
	hits map[string]int
}

func main() {
	s := Stats{hits: make(map[string]int)}
	s.mu.Lock()
	snapshot := s // copies the mutex too, in its locked state
	s.mu.Unlock()
	snapshot.mu.Lock() // the copy is still locked: this would wait forever
	fmt.Println(len(snapshot.hits))
}
