package main

func main() {
	// ANCHOR: bug
	results := make(chan int)
	for i := 0; i < 3; i++ {
		go func(id int) {
			results <- id
			close(results) // every producer "closes when done"
		}(i)
	}
	// ANCHOR_END: bug
	for range results { // drain until the first close
	}
	select {} // wait here: one of the producers is about to panic
}
