package main

import "fmt"

func main() {
	// ANCHOR: body
	sem := make(chan struct{}, 2)
	sem <- struct{}{} // Acquire
	<-sem             // Release
	fmt.Println("one acquire, one release")
	<-sem // a second Release with no Acquire: waits for a token forever
	// ANCHOR_END: body
	fmt.Println("never printed")
}
