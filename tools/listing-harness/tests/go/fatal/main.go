package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Println("waiting")
	if len(os.Args) > 1 {
		return
	}
	ch := make(chan int)
	<-ch
}
