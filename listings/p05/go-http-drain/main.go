package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"
)

func main() {
	// ANCHOR: main
	// Installed before the server announces itself: from here on SIGTERM cancels ctx
	// instead of killing the process.
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()

	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	inHandler := make(chan struct{})
	shuttingDown := make(chan struct{})
	handler := func(w http.ResponseWriter, r *http.Request) {
		close(inHandler)
		<-shuttingDown // still in flight when Shutdown begins
		fmt.Fprint(w, "report ready")
	}
	srv := &http.Server{Handler: http.HandlerFunc(handler)}
	srv.RegisterOnShutdown(func() { close(shuttingDown) })
	go srv.Serve(ln) // returns http.ErrServerClosed once Shutdown starts

	reply := make(chan string, 1)
	go func() {
		resp, err := http.Get("http://" + ln.Addr().String() + "/report")
		if err != nil {
			reply <- "an error"
			return
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		reply <- fmt.Sprintf("%q", resp.Status+": "+string(body))
	}()
	<-inHandler
	fmt.Println("serving: 1 request in flight")

	<-ctx.Done()
	stop() // from now on a second SIGTERM or Ctrl-C kills the process at once
	fmt.Printf("%v: draining\n", context.Cause(ctx))
	grace, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	fmt.Println("Shutdown returned", srv.Shutdown(grace))
	fmt.Println("the client got", <-reply)
	// ANCHOR_END: main
}
