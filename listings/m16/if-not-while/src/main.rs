use std::sync::PoisonError;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use sync::{Condvar, Mutex};

/// std's types in the program; loom's under `--cfg loom`, where `tests/model.rs`
/// checks this very code (see CONTRIBUTING, "Model-checking and benchmarking").
mod sync {
    #[cfg(loom)]
    pub use book_model::sync::{Condvar, Mutex};
    #[cfg(not(loom))]
    pub use std::sync::{Condvar, Mutex};
}

pub struct Semaphore {
    permits: Mutex<usize>,
    available: Condvar,
}

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

    // ANCHOR: acquire
    pub fn acquire(&self) -> Permit<'_> {
        let mut permits = self.permits.lock().unwrap_or_else(PoisonError::into_inner);
        // BUG: checks once. Being woken up does not mean a permit is still
        // free when this thread gets the mutex back.
        if *permits == 0 {
            permits = self
                .available
                .wait(permits)
                .unwrap_or_else(PoisonError::into_inner);
        }
        *permits = permits.wrapping_sub(1); // 0 - 1 wraps to usize::MAX
        Permit { sem: self }
    }
    // ANCHOR_END: acquire
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        *self
            .sem
            .permits
            .lock()
            .unwrap_or_else(PoisonError::into_inner) += 1;
        self.sem.available.notify_one();
    }
}

fn main() {
    // ANCHOR: use
    // Two threads, one permit: whichever comes second waits, and nobody can
    // take the permit between the wake-up and the decrement. The bug needs a
    // third thread, so this run always succeeds.
    let sem = Semaphore::new(1);
    let running = AtomicUsize::new(0);
    let peak = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                let _permit = sem.acquire();
                let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                peak.fetch_max(now, Ordering::SeqCst);
                running.fetch_sub(1, Ordering::SeqCst);
                done.fetch_add(1, Ordering::SeqCst);
            });
        }
    });
    println!("jobs done: {}", done.load(Ordering::SeqCst));
    println!(
        "peak concurrency <= 1: {}",
        peak.load(Ordering::SeqCst) <= 1
    );
    // ANCHOR_END: use
}
