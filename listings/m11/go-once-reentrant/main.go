package main

import (
	"fmt"
	"sync"
)

// ANCHOR: reentrant
var (
	settingsOnce sync.Once
	settingsPath string
)

func settings() string {
	settingsOnce.Do(func() {
		fmt.Println("initialising settings")
		settingsPath = defaultRoot() + "/cache"
	})
	return settingsPath
}

// An innocent-looking helper that, a few calls deep, reads the settings.
func defaultRoot() string {
	if settings() == "" {
		return "/tmp"
	}
	return "/var"
}

// ANCHOR_END: reentrant

func main() {
	fmt.Println(settings())
}
