package main

import (
	"fmt"
	"time"
)

// firstAnswer asks three replicas and keeps the first answer.
func firstAnswer() string {
	answers := make(chan string) // unbuffered: each send waits for a receiver
	for _, replica := range []string{"a", "b", "c"} {
		go func() {
			answers <- "answer from " + replica // the two losers wait here forever
		}()
	}
	return <-answers
}

func main() {
	answer := firstAnswer()
	fmt.Println("got an answer:", len(answer) > 0)
	for { // carry on like a server would
		time.Sleep(time.Hour)
	}
}
