package main

import (
	"bytes"
	"fmt"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"strings"
)

// ANCHOR: leak
var cache = map[int][]byte{} // grows with every request, never evicted

func remember(id int) {
	b := make([]byte, 1024)
	cache[id] = b
}

var sink []byte

func scratch() {
	b := make([]byte, 1024) // garbage once the next call replaces it
	sink = b
}

// ANCHOR_END: leak

// ANCHOR: profile
func main() {
	// Record every allocation instead of about one per 512 KiB, so the counts
	// below are exact. Set it first thing: it applies from then on.
	runtime.MemProfileRate = 1
	for id := range 1000 {
		remember(id)
		scratch()
	}
	sink = nil
	// The heap profile describes the heap as of the last completed GC.
	runtime.GC()
	var buf bytes.Buffer
	pprof.Lookup("heap").WriteTo(&buf, 1)
	sites := bySite(buf.String())
	for _, at := range []string{"main.go:16", "main.go:17", "main.go:23"} {
		s := sites[at]
		fmt.Printf("%s %-13s in use: %4d objects, %7d bytes; allocated: %4d objects\n",
			at, s.fn, s.inuse, s.inuseBytes, s.allocs)
	}
}

// ANCHOR_END: profile

// ANCHOR: site
type site struct {
	fn                        string
	inuse, inuseBytes, allocs int
}

// bySite adds up the records of a debug=1 heap profile by the innermost line
// of package main in their stack. A record starts with
// "inuse_objects: inuse_bytes [alloc_objects: alloc_bytes] @ pc pc …" and
// lists its frames as "#\tpc\tfunction+offset\tfile:line".
func bySite(profile string) map[string]site {
	sites := map[string]site{}
	_, body, _ := strings.Cut(profile, "\n") // the header: totals
	for _, rec := range strings.Split(body, "\n\n") {
		var in, inBytes, all, allBytes int
		const head = "%d: %d [%d: %d] @"
		if _, err := fmt.Sscanf(rec, head, &in, &inBytes, &all, &allBytes); err != nil {
			continue
		}
		for _, line := range strings.Split(rec, "\n") {
			f := strings.Fields(line)
			if len(f) >= 4 && f[0] == "#" && strings.HasPrefix(f[2], "main.") {
				at := filepath.Base(f[3])
				s := sites[at]
				s.fn = f[2][:strings.LastIndex(f[2], "+")]
				s.inuse += in
				s.inuseBytes += inBytes
				s.allocs += all
				sites[at] = s
				break
			}
		}
	}
	return sites
}

// ANCHOR_END: site
