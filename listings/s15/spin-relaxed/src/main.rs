use std::sync::atomic::Ordering::Relaxed;
use std::thread;
use sync::{AtomicBool, UnsafeCell, spin_hint};

/// std's types in the program; loom's under `--cfg loom`, where `tests/model.rs`
/// checks this very code (see CONTRIBUTING, "Model-checking and benchmarking").
/// loom's `UnsafeCell` reports two threads touching the value at once.
mod sync {
    #[cfg(loom)]
    pub use book_model::loom::cell::UnsafeCell;
    #[cfg(loom)]
    pub use book_model::sync::atomic::AtomicBool;
    #[cfg(loom)]
    pub use book_model::yield_now as spin_hint;
    #[cfg(not(loom))]
    pub use std::hint::spin_loop as spin_hint;
    #[cfg(not(loom))]
    pub use std::sync::atomic::AtomicBool;

    /// std's `UnsafeCell` with loom's closure-based access.
    #[cfg(not(loom))]
    pub struct UnsafeCell<T>(std::cell::UnsafeCell<T>);
    #[cfg(not(loom))]
    impl<T> UnsafeCell<T> {
        pub fn new(value: T) -> Self {
            UnsafeCell(std::cell::UnsafeCell::new(value))
        }
        pub fn with_mut<R>(&self, f: impl FnOnce(*mut T) -> R) -> R {
            f(self.0.get())
        }
    }
}

pub struct SpinLock<T> {
    locked: AtomicBool,
    value: UnsafeCell<T>,
}

// SAFETY: the lock lets one thread at a time reach the value, so sharing the
// lock between threads is fine whenever the value itself may move between them.
unsafe impl<T: Send> Sync for SpinLock<T> {}

impl<T> SpinLock<T> {
    pub fn new(value: T) -> Self {
        SpinLock {
            locked: AtomicBool::new(false),
            value: UnsafeCell::new(value),
        }
    }

    /// Runs `f` with the lock held.
    pub fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        // ANCHOR: relaxed
        // BUG: Relaxed takes the flag but does not order the value's memory:
        // the previous holder's writes need not be visible to us yet.
        while self
            .locked
            .compare_exchange_weak(false, true, Relaxed, Relaxed)
            .is_err()
        {
            // Wait with plain loads until it looks free: no cache-line
            // ping-pong from failed writes.
            while self.locked.load(Relaxed) {
                spin_hint();
            }
        }
        // ANCHOR_END: relaxed
        let _unlock = Unlock(&self.locked); // also unlocks if `f` panics
        // SAFETY: we hold the lock, so no other reference to the value exists.
        self.value.with_mut(|v| f(unsafe { &mut *v }))
    }
}

struct Unlock<'a>(&'a AtomicBool);

impl Drop for Unlock<'_> {
    fn drop(&mut self) {
        self.0.store(false, Relaxed); // BUG: publishes nothing
    }
}

fn main() {
    // ANCHOR: use
    // One thread has nothing to race with: this run always succeeds. The bug
    // needs two threads, and even then x86 hardware usually hides it.
    let counter = SpinLock::new(0_u64);
    thread::scope(|s| {
        s.spawn(|| counter.with(|n| *n += 1));
    });
    println!("one thread, one increment: {}", counter.with(|n| *n));
    // ANCHOR_END: use
}
