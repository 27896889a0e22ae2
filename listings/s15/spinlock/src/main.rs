use std::sync::atomic::Ordering::{Acquire, Relaxed, Release};
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

// ANCHOR: spinlock
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
        // Acquire: what the previous holder wrote before its Release store is
        // visible to us once we see `false` and set `true`.
        while self
            .locked
            .compare_exchange_weak(false, true, Acquire, Relaxed)
            .is_err()
        {
            // Wait with plain loads until it looks free: no cache-line
            // ping-pong from failed writes.
            while self.locked.load(Relaxed) {
                spin_hint();
            }
        }
        let _unlock = Unlock(&self.locked); // also unlocks if `f` panics
        // SAFETY: we hold the lock, so no other reference to the value exists.
        self.value.with_mut(|v| f(unsafe { &mut *v }))
    }
}

struct Unlock<'a>(&'a AtomicBool);

impl Drop for Unlock<'_> {
    fn drop(&mut self) {
        self.0.store(false, Release); // publish our writes to the next holder
    }
}
// ANCHOR_END: spinlock

fn main() {
    // ANCHOR: use
    let counter = SpinLock::new(0_u64);
    thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                for _ in 0..10_000 {
                    counter.with(|n| *n += 1);
                }
            });
        }
    });
    println!("4 threads x 10000 increments: {}", counter.with(|n| *n));
    // ANCHOR_END: use
}
