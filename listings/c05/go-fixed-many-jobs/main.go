package main

import (
	"fmt"
	"sort"
	"sync"
)

func worker(jobs <-chan int, results chan<- int, wg *sync.WaitGroup) {
	defer wg.Done()
	for n := range jobs {
		results <- n * n
	}
}

func main() {
	var nums []int
	for n := 1; n <= 20; n++ {
		nums = append(nums, n)
	}
	jobs := make(chan int, 3)
	results := make(chan int, 3)
	var wg sync.WaitGroup
	for w := 0; w < 3; w++ {
		wg.Add(1)
		go worker(jobs, results, &wg)
	}
	for _, n := range nums {
		jobs <- n
	}
	close(jobs)
	go func() {
		wg.Wait()      // every worker has sent its last result
		close(results) // so the range below can end
	}()

	var squares []int
	for sq := range results {
		squares = append(squares, sq)
		if len(squares) == len(nums) {
			sort.Ints(squares)
			fmt.Println("all squares received:", squares)
		}
	}
	fmt.Println("done")
}
