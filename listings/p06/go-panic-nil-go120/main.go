package main

import "fmt"

func main() {
	// ANCHOR: body
	defer func() {
		r := recover()
		fmt.Printf("recover() returned %v: the panic looks like no panic\n", r)
	}()
	panic(nil) // this module says `go 1.20`: the old rule applies
	// ANCHOR_END: body
}
