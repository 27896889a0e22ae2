use std::sync::atomic::Ordering;
use std::thread;
use std::time::{Duration, Instant};
use sync::AtomicU64;

/// std's atomic in the program; loom's under `--cfg loom`, where `tests/model.rs`
/// checks this very code (see CONTRIBUTING, "Model-checking and benchmarking").
mod sync {
    #[cfg(loom)]
    pub use book_model::sync::atomic::AtomicU64;
    #[cfg(not(loom))]
    pub use std::sync::atomic::AtomicU64;
}

// ANCHOR: limiter
/// A token bucket: up to `burst` tokens, one more every `interval`. The whole
/// state is one number, the moment (in ns since `start`) at which the bucket
/// will be full again if nobody takes a token; before that moment it holds
/// `burst - (full_at - now) / interval` tokens.
pub struct RateLimiter {
    interval: u64,
    /// A request is allowed while `full_at - now` is at most this.
    slack: u64,
    full_at: AtomicU64,
    start: Instant,
}

impl RateLimiter {
    pub fn new(per_second: u64, burst: u64) -> Self {
        // A rate above 10^9 per second would make `interval` round down to 0.
        assert!(
            (1..=1_000_000_000).contains(&per_second) && burst > 0,
            "the rate must be 1 to 10^9 per second, the burst positive"
        );
        let interval = 1_000_000_000 / per_second;
        RateLimiter {
            interval,
            slack: (burst - 1) * interval,
            full_at: AtomicU64::new(0), // full at the start
            start: Instant::now(),
        }
    }

    /// Takes a token at time `now` (ns since the limiter was made), or says
    /// how long until the next one. Time is a parameter so tests need no sleep.
    pub fn check_at(&self, now: u64) -> Result<(), Duration> {
        let mut full_at = self.full_at.load(Ordering::Relaxed);
        loop {
            let from = full_at.max(now); // an idle bucket stops filling at `burst`
            if from - now > self.slack {
                return Err(Duration::from_nanos(from - now - self.slack));
            }
            // Take the token only if nobody changed `full_at` since we read it.
            match self.full_at.compare_exchange_weak(
                full_at,
                from + self.interval,
                Ordering::Relaxed,
                Ordering::Relaxed,
            ) {
                Ok(_) => return Ok(()),
                Err(current) => full_at = current,
            }
        }
    }

    /// `check_at` with the real clock.
    pub fn check(&self) -> Result<(), Duration> {
        self.check_at(self.start.elapsed().as_nanos() as u64)
    }

    /// Waits until a token is free, then takes it.
    pub fn wait(&self) {
        while let Err(wait) = self.check() {
            thread::sleep(wait);
        }
    }
}
// ANCHOR_END: limiter

const MS: u64 = 1_000_000;

fn main() {
    // ANCHOR: use
    let limiter = RateLimiter::new(10, 3); // 10 per second, bursts of 3
    let burst = |t: u64, n: usize| -> Vec<bool> {
        (0..n).map(|_| limiter.check_at(t * MS).is_ok()).collect()
    };
    println!("t=0ms: {:?}", burst(0, 5)); // the full bucket, then empty
    let wait = limiter.check_at(0).unwrap_err();
    println!("t=0ms: next token in {}ms", wait.as_millis());
    println!("t=100ms: {:?}", burst(100, 2)); // one token refilled
    println!("t=250ms: {:?}", burst(250, 2)); // 1.5 refilled: 1 usable
    println!("t=5000ms: {:?}", burst(5000, 4)); // a long idle: still 3
    // ANCHOR_END: use

    // ANCHOR: threads
    let limiter = RateLimiter::new(10, 3);
    let allowed: usize = thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|_| {
                let limiter = &limiter;
                s.spawn(move || (0..10).filter(|_| limiter.check_at(0).is_ok()).count())
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    println!("4 threads x 10 requests at t=0ms: {allowed} allowed");
    // ANCHOR_END: threads
}
