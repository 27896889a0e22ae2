use std::sync::PoisonError;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use std::time::Duration;
use sync::{Condvar, Mutex};

/// std's types in the program; loom's under `--cfg loom`, where `tests/model.rs`
/// checks this very code (see CONTRIBUTING, "Model-checking and benchmarking").
mod sync {
    #[cfg(loom)]
    pub use book_model::sync::{Condvar, Mutex};
    #[cfg(not(loom))]
    pub use std::sync::{Condvar, Mutex};
}

// ANCHOR: semaphore
pub struct Semaphore {
    permits: Mutex<usize>,
    available: Condvar,
}

/// Holding one is the right to run; dropping it gives the right back.
pub struct Permit<'a> {
    sem: &'a Semaphore,
}

impl Semaphore {
    pub fn new(permits: usize) -> Self {
        Semaphore {
            permits: Mutex::new(permits),
            available: Condvar::new(),
        }
    }

    pub fn acquire(&self) -> Permit<'_> {
        let permits = self.permits.lock().unwrap_or_else(PoisonError::into_inner);
        // Sleeps while no permit is free; re-checks after every wake-up.
        let mut permits = self
            .available
            .wait_while(permits, |p| *p == 0)
            .unwrap_or_else(PoisonError::into_inner);
        *permits -= 1;
        Permit { sem: self }
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        *self
            .sem
            .permits
            .lock()
            .unwrap_or_else(PoisonError::into_inner) += 1;
        self.sem.available.notify_one(); // wake one waiter, if any
    }
}
// ANCHOR_END: semaphore

const LIMIT: usize = 2;

fn main() {
    // ANCHOR: use
    let sem = Semaphore::new(LIMIT);
    let running = AtomicUsize::new(0);
    let peak = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);

    thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                let _permit = sem.acquire();
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(now, Ordering::SeqCst);
                thread::sleep(Duration::from_millis(5)); // the "work"
                running.fetch_sub(1, Ordering::SeqCst);
                done.fetch_add(1, Ordering::SeqCst);
            }); // `_permit` is dropped here: the next thread may enter
        }
    });
    println!("jobs done: {}", done.load(Ordering::SeqCst));
    println!(
        "peak concurrency <= {LIMIT}: {}",
        peak.load(Ordering::SeqCst) <= LIMIT
    );
    // ANCHOR_END: use
}
