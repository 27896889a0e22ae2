package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"sync"
)

type Item struct {
	ID   int
	Name string
}

// ANCHOR: pool
var bufPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func render(w io.Writer, v Item) error {
	buf := bufPool.Get().(*bytes.Buffer)
	buf.Reset()            // it may hold the previous user's bytes
	defer bufPool.Put(buf) // forget this and the pool just allocates more
	fmt.Fprintf(buf, "%d:%s\n", v.ID, v.Name)
	_, err := w.Write(buf.Bytes())
	return err
}

// ANCHOR_END: pool

func main() {
	for _, v := range []Item{{1, "ada"}, {2, "grace"}, {3, "barbara"}} {
		if err := render(os.Stdout, v); err != nil {
			panic(err)
		}
	}
}
