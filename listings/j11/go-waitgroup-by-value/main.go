package main

import (
	"fmt"
	"sync"
)

func worker(id int, wg sync.WaitGroup) { // wg is a copy of the caller's WaitGroup
	defer wg.Done() // decrements the copy
	fmt.Println("worker", id)
}

func main() {
	var wg sync.WaitGroup
	wg.Add(1)
	go worker(1, wg)
	wg.Wait() // the original counter stays at 1
}
