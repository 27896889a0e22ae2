package main

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"time"
)

// ANCHOR: backoff
const (
	seed        = 2026
	maxAttempts = 4
	baseMs      = 100
	capMs       = 1000
)

var errPermanent = errors.New("permanent")

// backoff is the wait after failed attempt n: half of the exponential step
// fixed, half random ("equal jitter").
func backoff(n int, rng *rand.Rand) time.Duration {
	step := min(uint64(baseMs)<<(n-1), capMs) // in whole ms, like the Rust listing
	return time.Duration(step/2+rng.Uint64N(step/2+1)) * time.Millisecond
}

// retry runs do until it succeeds, fails permanently, or runs out of attempts.
// It only prints the waits: a real one would time.Sleep or, better, requeue the
// job with a due time.
func retry(name string, id uint64, do func(attempt int) error) {
	rng := rand.New(rand.NewPCG(seed, id)) // per-job jitter, reproducible
	for n := 1; ; n++ {
		err := do(n)
		switch {
		case err == nil:
			fmt.Printf("%s #%d ok\n", name, n)
			return
		case errors.Is(err, errPermanent) || n == maxAttempts:
			fmt.Printf("%s #%d failed: %v; dead letter\n", name, n, err)
			return
		}
		wait := backoff(n, rng)
		fmt.Printf("%s #%d failed: %v; retry in %d ms\n", name, n, err, wait.Milliseconds())
	}
}

// ANCHOR_END: backoff

func main() {
	// ANCHOR: jobs
	retry("email", 1, func(n int) error {
		if n <= 2 {
			return errors.New("connection reset")
		}
		return nil
	})
	retry("resize", 2, func(int) error {
		return fmt.Errorf("not an image: %w", errPermanent)
	})
	retry("ledger", 3, func(int) error { return errors.New("503 from ledger") })
	applied := map[string]bool{} // the payment service's idempotency keys
	retry("charge", 4, func(n int) error {
		firstTime := !applied["charge-42"]
		applied["charge-42"] = true
		if firstTime && n == 1 {
			return errors.New("timeout (the charge went through)")
		}
		return nil
	})
	fmt.Println("charges applied:", len(applied))
	// ANCHOR_END: jobs
}
