package main

func produce(vs ...int) chan int {
	c := make(chan int)
	go func() {
		defer close(c)
		for _, v := range vs {
			c <- v
		}
	}()
	return c
}

func main() {
	a, b := produce(1, 2, 3), produce(10, 20)
	var out []int
	// ANCHOR: loop
	for { // no loop condition: once a and b are both nil, the select has nothing left
		select {
		case v, ok := <-a:
			if !ok {
				a = nil // closed: switch this case off
				continue
			}
			out = append(out, v)
		case v, ok := <-b:
			if !ok {
				b = nil
				continue
			}
			out = append(out, v)
		}
	}
	// ANCHOR_END: loop
}
