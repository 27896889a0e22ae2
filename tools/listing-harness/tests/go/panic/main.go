package main

import "os"

func main() {
	xs := []int{1, 2, 3}
	i := len(os.Args) - 2
	_ = xs[i]
}
