package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM)
	defer stop()
	fmt.Println("serving")
	// ANCHOR: second
	<-ctx.Done()
	fmt.Printf("%v: draining\n", context.Cause(ctx))
	stop() // SIGTERM is no longer delivered to ctx: it has its default action again
	fmt.Println("stop() called; the drain hangs, an operator signals again")
	syscall.Kill(os.Getpid(), syscall.SIGTERM) // the operator's second signal
	select {}                                  // the hung drain
	// ANCHOR_END: second
}
