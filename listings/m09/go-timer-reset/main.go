package main

import (
	"fmt"
	"time"
)

func main() {
	// ANCHOR: body
	t := time.NewTimer(time.Millisecond)
	time.Sleep(20 * time.Millisecond) // the timer fires; nobody receives from t.C
	fmt.Println("Stop:", t.Stop())
	t.Reset(time.Hour) // push the deadline far away (no Stop-and-drain dance)
	select {
	case <-t.C:
		fmt.Println("t.C: a stale value from the first expiry")
	default:
		fmt.Println("t.C: nothing, as the Reset intended")
	}
	// ANCHOR_END: body
}
