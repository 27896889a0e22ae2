package main

import (
	"fmt"
	"sync"
)

type Config struct{ Addr string }

var (
	cfgOnce sync.Once
	cfg     *Config
)

func GetConfig() (c *Config, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("loading failed: %v", r)
		}
	}()
	cfgOnce.Do(func() { panic("config file missing") }) // cfg is never assigned
	return cfg, nil
}

func main() {
	fmt.Println(GetConfig())
	fmt.Println(GetConfig()) // Do counts the panicked call as done: nothing runs
}
