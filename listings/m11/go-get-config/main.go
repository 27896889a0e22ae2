package main

import (
	"fmt"
	"sync"
	"sync/atomic"
)

type Config struct{ Addr string }

var loads atomic.Int32

func loadConfig() *Config {
	loads.Add(1)
	return &Config{Addr: "localhost:8080"}
}

// ANCHOR: once
var (
	cfgOnce sync.Once
	cfg     *Config
)

func GetConfig() *Config {
	cfgOnce.Do(func() { cfg = loadConfig() })
	return cfg
}

// ANCHOR_END: once

func main() {
	var wg sync.WaitGroup
	for range 10 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			GetConfig()
		}()
	}
	wg.Wait()
	fmt.Println(GetConfig().Addr, "loaded", loads.Load(), "time(s)")
}
