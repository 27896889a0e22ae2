package main

import (
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// inRead counts this process's threads, other than the caller's, that are
// inside the read(2) system call right now, as the kernel reports it in
// /proc/self/task/<tid>/syscall (Linux only).
func inRead() int {
	runtime.LockOSThread() // so that Gettid names the thread doing the reading
	defer runtime.UnlockOSThread()
	me := strconv.Itoa(syscall.Gettid())
	read := strconv.Itoa(syscall.SYS_READ)
	tasks, err := os.ReadDir("/proc/self/task")
	if err != nil {
		panic(err)
	}
	n := 0
	for _, task := range tasks {
		if task.Name() == me {
			continue
		}
		line, err := os.ReadFile("/proc/self/task/" + task.Name() + "/syscall")
		if err != nil {
			continue // the thread has just exited
		}
		if nr, _, _ := strings.Cut(string(line), " "); nr == read {
			n++
		}
	}
	return n
}

// ANCHOR: body
func main() {
	runtime.GOMAXPROCS(1) // one P: at most one thread runs Go code at a time
	var fds [2]int
	if err := syscall.Pipe(fds[:]); err != nil { // a blocking pipe, not the netpoller's
		panic(err)
	}
	for range 8 {
		go func() {
			buf := make([]byte, 1)
			syscall.Read(fds[0], buf) // blocks this M in the kernel; its P is handed off
		}()
	}

	// Wait (at most 5 s) until each blocked read holds a thread of its own.
	deadline := time.Now().Add(5 * time.Second)
	for inRead() < 8 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	fmt.Println("GOMAXPROCS:", runtime.GOMAXPROCS(0))
	fmt.Println("threads blocked in read(2), besides the one running main:", inRead())
}

// ANCHOR_END: body
