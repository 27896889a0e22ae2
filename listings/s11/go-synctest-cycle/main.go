package main

import (
	"os"
	"testing"
	"testing/synctest"
)

// ANCHOR: test
func TestPingPong(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		pings, pongs, result := make(chan int), make(chan int), make(chan int)
		go func() { pings <- <-pongs + 1 }() // waits for a pong before it pings
		go func() {                          // waits for a ping before it pongs
			v := <-pings
			pongs <- v + 1
			result <- v
		}()
		t.Log("got", <-result)
	})
}

// ANCHOR_END: test

// `go test` would call the test; testing.Main lets this file run it as a program.
// Its "--- FAIL: TestPingPong (0.00s)" line carries a timing: it goes to stderr,
// with the panic.
func main() {
	os.Stdout = os.Stderr
	match := func(pat, str string) (bool, error) { return true, nil }
	tests := []testing.InternalTest{{Name: "TestPingPong", F: TestPingPong}}
	testing.Main(match, tests, nil, nil)
}
