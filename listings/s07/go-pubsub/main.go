package main

import (
	"fmt"
	"sync"
)

// ANCHOR: pubsub
type PubSub struct {
	mu     sync.RWMutex
	topics map[string][]chan string
}

func NewPubSub() *PubSub { return &PubSub{topics: map[string][]chan string{}} }

func (ps *PubSub) Subscribe(topic string, buffer int) chan string {
	ch := make(chan string, buffer)
	ps.mu.Lock()
	ps.topics[topic] = append(ps.topics[topic], ch)
	ps.mu.Unlock()
	return ch
}

// Publish never blocks: a subscriber whose buffer is full misses the message.
// It returns how many subscribers were skipped.
func (ps *PubSub) Publish(topic, msg string) (dropped int) {
	ps.mu.RLock() // publishers run in parallel
	defer ps.mu.RUnlock()
	for _, ch := range ps.topics[topic] {
		select {
		case ch <- msg:
		default:
			dropped++
		}
	}
	return dropped
}

// Unsubscribe removes ch and closes it, under the write lock: no Publish
// can be sending on it at that moment, so the close cannot panic a sender.
func (ps *PubSub) Unsubscribe(topic string, ch chan string) {
	ps.mu.Lock()
	defer ps.mu.Unlock()
	subs := ps.topics[topic]
	for i, c := range subs {
		if c == ch {
			ps.topics[topic] = append(subs[:i], subs[i+1:]...)
			close(ch)
			return
		}
	}
}

// ANCHOR_END: pubsub

func drain(ch chan string) (got []string) {
	for {
		select {
		case m, ok := <-ch:
			if !ok {
				return append(got, "(closed)")
			}
			got = append(got, m)
		default:
			return got
		}
	}
}

func main() {
	// ANCHOR: use
	ps := NewPubSub()
	fast := ps.Subscribe("news", 10)
	slow := ps.Subscribe("news", 1)
	dropped := 0
	for _, m := range []string{"a", "b", "c", "d", "e"} {
		dropped += ps.Publish("news", m) // nobody reads yet
	}
	fmt.Println("dropped:", dropped)
	fmt.Println("fast:", drain(fast))
	fmt.Println("slow:", drain(slow))
	ps.Unsubscribe("news", slow)
	fmt.Println("slow after Unsubscribe:", drain(slow))
	// ANCHOR_END: use
}
