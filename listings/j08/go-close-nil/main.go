package main

func main() {
	var nilCh chan int // the zero value of a channel type is nil
	close(nilCh)
}
