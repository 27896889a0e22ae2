package main

import (
	"container/list"
	"fmt"
	"sync"
)

type entry struct {
	key, value int
}

type LRU struct {
	mu    sync.RWMutex
	items map[int]*list.Element
	order *list.List // most recently used at the front
}

func (c *LRU) Get(key int) (int, bool) {
	c.mu.RLock() // "Get only reads"
	defer c.mu.RUnlock()
	el, ok := c.items[key]
	if !ok {
		return 0, false
	}
	c.order.MoveToFront(el) // but a hit moves the entry: a write
	return el.Value.(*entry).value, true
}

func main() {
	c := &LRU{items: map[int]*list.Element{}, order: list.New()}
	for k := 0; k < 2; k++ {
		c.items[k] = c.order.PushFront(&entry{k, k * 10})
	}
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c.Get(g)
		}()
	}
	wg.Wait()
	fmt.Println("two gets done")
}
