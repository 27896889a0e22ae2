package main

import (
	"fmt"
	"sync"
)

var runs int

// ANCHOR: body
var getConfig = sync.OnceValue(func() string { // Go 1.21
	runs++
	panic("config file missing")
})

func tryGet() (addr string, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("loading failed: %v", r)
		}
	}()
	return getConfig(), nil
}

func main() {
	for i := range 3 {
		_, err := tryGet() // every call panics again, with the first panic's value
		fmt.Println("call", i+1, err)
	}
	fmt.Println("the function ran", runs, "time(s)")
}

// ANCHOR_END: body
