package main

import (
	"fmt"
	"net"
)

// ANCHOR: body
func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	client, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		panic(err)
	}
	defer client.Close()
	server, err := ln.Accept()
	if err != nil {
		panic(err)
	}
	go func() {
		buf := make([]byte, 64)
		server.Read(buf) // the client never writes: parked in the netpoller
	}()
	fmt.Println("the handler is waiting for data")
	select {} // main waits for ever too; the program stays alive
}

// ANCHOR_END: body
