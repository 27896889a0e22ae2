package main

import (
	"fmt"
	"sync"
	"time"
)

type Store struct {
	mu   sync.RWMutex
	tags []string
}

func (s *Store) Add(tag string) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	s.tags = append(s.tags, tag) // compiles; a data race with other readers
}

func main() {
	s := &Store{}
	go s.Add("a")
	time.Sleep(200 * time.Millisecond) // no overlap in time; RLock does not order readers
	s.Add("b")
	s.mu.Lock()
	fmt.Println(len(s.tags))
	s.mu.Unlock()
}
