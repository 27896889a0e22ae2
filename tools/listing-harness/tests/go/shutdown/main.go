// A self-test fixture of the `shutdown` class: it drains when SIGTERM arrives; with the argument "ignore" it
// never looks at the signal (signal.Notify still replaces the default action, so SIGTERM no longer kills it).
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
	fmt.Println("starting")
	fmt.Println("ready")
	if len(os.Args) > 1 && os.Args[1] == "ignore" {
		select {}
	}
	<-ctx.Done()
	fmt.Println("drained 2 jobs")
}
