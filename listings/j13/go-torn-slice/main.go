package main

import "fmt"

func main() {
	// ANCHOR: body
	var buf []byte // shared, no lock
	var total int

	go func() {
		for {
			buf = make([]byte, 1)
			buf = make([]byte, 1<<20)
		}
	}()

	for range 10_000_000 { // the snippet loops forever; a bound lets a lucky run end
		b := buf                  // usually the writer has not run yet: b is nil
		total += int(b[len(b)-1]) // len(b) is 0, so this indexes b[-1]
	}
	// ANCHOR_END: body
	fmt.Println("no crash this time")
}
