package main

import (
	"fmt"
	"io"
	"net"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"sync"
)

// osThreads reads the Threads: line of /proc/self/status.
func osThreads() int {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		panic(err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "Threads:"); ok {
			n, err := strconv.Atoi(strings.TrimSpace(rest))
			if err != nil {
				panic(err)
			}
			return n
		}
	}
	panic("no Threads: line")
}

// ANCHOR: server
const clients = 200

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	var handlers sync.WaitGroup
	accepted := make(chan struct{})
	go func() {
		defer close(accepted)
		for range clients {
			conn, err := ln.Accept()
			if err != nil {
				panic(err)
			}
			handlers.Go(func() {
				// Echo until the client closes. Each Read that finds no data
				// parks the goroutine in the netpoller, not an OS thread.
				io.Copy(conn, conn)
				conn.Close()
			})
		}
	}()
	// ANCHOR_END: server
	// ANCHOR: clients
	conns := make([]net.Conn, 0, clients)
	for i := range clients {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			panic(err)
		}
		msg := fmt.Sprintf("hello %03d", i)
		c.Write([]byte(msg))
		back := make([]byte, len(msg))
		if _, err := io.ReadFull(c, back); err != nil || string(back) != msg {
			panic("bad echo")
		}
		conns = append(conns, c) // keep it open: its handler waits in Read
	}
	<-accepted // the acceptor has returned
	fmt.Println("connections open, each echoed once:", len(conns))
	fmt.Println("goroutines (handlers + main):", runtime.NumGoroutine())
	threads := osThreads()
	created := pprof.Lookup("threadcreate").Count()
	fmt.Println("OS threads fewer than 20:", threads < 20)
	fmt.Println("threads ever created fewer than 20:", created < 20)
	for _, c := range conns {
		c.Close()
	}
	handlers.Wait()
	fmt.Println("all handlers returned after the clients closed")
	// ANCHOR_END: clients
}
