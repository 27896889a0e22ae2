package main

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"time"
)

var sink int

// ANCHOR: body
// spin is a loop with no function calls, so it has no cooperative safe point.
func spin() {
	for i := 0; ; i++ {
		sink = i
	}
}

func child() {
	runtime.GOMAXPROCS(1) // one P: the spinning goroutine and main must share it
	go spin()
	time.Sleep(10 * time.Millisecond) // main parks; the only P goes to spin
	fmt.Println("main ran again while spin still loops")
}

func main() {
	if len(os.Args) > 1 {
		child()
		return
	}
	for _, godebug := range []string{"", "asyncpreemptoff=1"} {
		// Only the child expected to hang gets a deadline; the other must
		// finish on its own, however slow the machine is.
		ctx, cancel := context.WithCancel(context.Background())
		if godebug != "" {
			ctx, cancel = context.WithTimeout(context.Background(), 500*time.Millisecond)
		}
		cmd := exec.CommandContext(ctx, os.Args[0], "child")
		cmd.Env = append(os.Environ(), "GODEBUG="+godebug)
		out, err := cmd.Output()
		cancel()
		if err != nil {
			fmt.Printf("GODEBUG=%q: killed after 500 ms without output\n", godebug)
		} else {
			fmt.Printf("GODEBUG=%q: %s", godebug, out)
		}
	}
}

// ANCHOR_END: body
