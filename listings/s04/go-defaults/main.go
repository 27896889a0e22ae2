package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
)

// ANCHOR: body
func report() {
	n, cpus := runtime.GOMAXPROCS(0), runtime.NumCPU()
	switch {
	case n == cpus && cpus == 1:
		fmt.Println("GOMAXPROCS = NumCPU = 1")
	case n == cpus:
		fmt.Println("GOMAXPROCS = NumCPU")
	default:
		fmt.Printf("GOMAXPROCS %d, NumCPU %d\n", n, cpus)
	}
}

// run starts this program again as a child, with extra environment
// variables and optionally under a command such as taskset.
func run(label string, env []string, wrapper ...string) {
	self, err := os.Executable()
	if err != nil {
		panic(err)
	}
	argv := append(wrapper, self, "child")
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.Output()
	if err != nil {
		panic(err)
	}
	fmt.Printf("%-36s %s", label+":", out)
}

func main() {
	if len(os.Args) > 1 {
		report()
		return
	}
	// containermaxprocs=0 switches off Go 1.25's cgroup limit, so that the
	// result does not depend on the container this program runs in.
	base := []string{"GOMAXPROCS=", "GODEBUG=containermaxprocs=0"}
	run("default", base)
	run("pinned to CPU 0 by taskset", base, "taskset", "-c", "0")
	run("GOMAXPROCS=3, pinned to CPU 0", append(base, "GOMAXPROCS=3"), "taskset", "-c", "0")

	runtime.GOMAXPROCS(1) // at run time; returns the previous setting
	label := "after runtime.GOMAXPROCS(1):"
	fmt.Printf("%-36s GOMAXPROCS %d\n", label, runtime.GOMAXPROCS(0))
}

// ANCHOR_END: body
