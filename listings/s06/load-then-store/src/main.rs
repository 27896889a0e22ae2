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

    // ANCHOR: check
    /// BUG: reads `full_at`, decides, then writes it back. Another thread can
    /// take a token between the load and the store, and its update is lost.
    pub fn check_at(&self, now: u64) -> Result<(), Duration> {
        let full_at = self.full_at.load(Ordering::Relaxed);
        let from = full_at.max(now);
        if from - now > self.slack {
            return Err(Duration::from_nanos(from - now - self.slack));
        }
        self.full_at.store(from + self.interval, Ordering::Relaxed);
        Ok(())
    }
    // ANCHOR_END: check

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

fn main() {
    // ANCHOR: use
    // One thread: nobody can slip in between the load and the store, so this
    // run always allows exactly the burst. The bug needs two threads.
    let limiter = RateLimiter::new(10, 2);
    let allowed = (0..5).filter(|_| limiter.check_at(0).is_ok()).count();
    println!("5 requests at t=0ms, burst 2: {allowed} allowed");
    // ANCHOR_END: use
}
