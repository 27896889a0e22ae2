package main

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	defer fmt.Println("deferred: log flushed") // never printed: os.Exit skips defers

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	inHandler := make(chan struct{})
	// ANCHOR: handler
	handler := func(w http.ResponseWriter, r *http.Request) {
		close(inHandler)
		time.Sleep(time.Hour) // ignores r.Context() and the shutdown
	}
	srv := &http.Server{Handler: http.HandlerFunc(handler)}
	// ANCHOR_END: handler
	go srv.Serve(ln)

	failed := make(chan bool, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/report")
		if err == nil {
			resp.Body.Close()
		}
		failed <- err != nil
	}()
	<-inHandler
	fmt.Println("serving: 1 request in flight")

	// ANCHOR: forced
	<-ctx.Done()
	stop()
	fmt.Printf("%v: draining\n", context.Cause(ctx))
	grace, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	fmt.Println("Shutdown returned", srv.Shutdown(grace))
	fmt.Println("Close returned", srv.Close()) // closes the active connection too
	if <-failed {
		fmt.Println("the client got an error")
	}
	os.Exit(1) // deferred calls do not run; the handler's goroutine is abandoned
	// ANCHOR_END: forced
}
