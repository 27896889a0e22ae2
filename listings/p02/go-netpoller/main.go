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

// echo serves one connection until the client closes it. Each Read that finds
// no data parks the goroutine in the netpoller, not an OS thread.
func echo(conn net.Conn) {
	io.Copy(conn, conn)
	conn.Close()
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	// ANCHOR_END: server
	// ANCHOR: clients
	var handlers sync.WaitGroup
	conns := make([]net.Conn, 0, clients)
	for i := range clients {
		// The kernel completes the handshake on its own, so main can dial and
		// then accept: no acceptor goroutine, only main and the handlers.
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			panic(err)
		}
		server, err := ln.Accept()
		if err != nil {
			panic(err)
		}
		handlers.Go(func() { echo(server) })
		msg := fmt.Sprintf("hello %03d", i)
		c.Write([]byte(msg))
		back := make([]byte, len(msg))
		if _, err := io.ReadFull(c, back); err != nil || string(back) != msg {
			panic("bad echo")
		}
		conns = append(conns, c) // keep it open: its handler waits in Read
	}
	fmt.Println("connections open, each echoed once:", len(conns))
	fmt.Println("goroutines (handlers + main):", runtime.NumGoroutine())
	// The runtime runs Go code on at most GOMAXPROCS threads (one per core by
	// default), plus a few of its own; none is added per blocked connection.
	limit := runtime.GOMAXPROCS(0) + 16
	threads := osThreads()
	created := pprof.Lookup("threadcreate").Count()
	fmt.Println("OS threads fewer than GOMAXPROCS + 16:", threads < limit)
	fmt.Println("threads ever created fewer than GOMAXPROCS + 16:", created < limit)
	for _, c := range conns {
		c.Close()
	}
	handlers.Wait()
	fmt.Println("all handlers returned after the clients closed")
	// ANCHOR_END: clients
}
