use std::sync::atomic::Ordering::{Acquire, Relaxed, Release};
use std::thread;
use sync::{Futex, UnsafeCell};

/// The real futex (through the `atomic-wait` crate) in the program. loom cannot model a
/// system call, so under `--cfg loom` a `Futex` is loom's atomic plus a mutex and condition
/// variable that give `wait` and `wake_one` the futex's contract: `wait(v)` sleeps only if
/// the value is still `v`, and no wake-up can slip in between.
mod sync {
    #[cfg(loom)]
    pub use book_model::loom::cell::UnsafeCell;

    #[cfg(not(loom))]
    pub struct Futex(std::sync::atomic::AtomicU32);
    #[cfg(not(loom))]
    impl Futex {
        pub fn new(v: u32) -> Self {
            Futex(std::sync::atomic::AtomicU32::new(v))
        }
        /// Sleeps while the value is `expected` (it may also return early).
        pub fn wait(&self, expected: u32) {
            atomic_wait::wait(&self.0, expected);
        }
        pub fn wake_one(&self) {
            atomic_wait::wake_one(&self.0);
        }
    }
    #[cfg(not(loom))]
    impl std::ops::Deref for Futex {
        type Target = std::sync::atomic::AtomicU32;
        fn deref(&self) -> &Self::Target {
            &self.0
        }
    }

    #[cfg(loom)]
    pub struct Futex {
        value: book_model::sync::atomic::AtomicU32,
        sleepers: book_model::sync::Mutex<()>,
        wake: book_model::sync::Condvar,
    }
    #[cfg(loom)]
    impl Futex {
        pub fn new(v: u32) -> Self {
            Futex {
                value: book_model::sync::atomic::AtomicU32::new(v),
                sleepers: book_model::sync::Mutex::new(()),
                wake: book_model::sync::Condvar::new(),
            }
        }
        pub fn wait(&self, expected: u32) {
            let sleepers = self.sleepers.lock().unwrap();
            if self.value.load(std::sync::atomic::Ordering::SeqCst) == expected {
                drop(self.wake.wait(sleepers).unwrap());
            }
        }
        pub fn wake_one(&self) {
            let _sleepers = self.sleepers.lock().unwrap();
            self.wake.notify_one();
        }
    }
    #[cfg(loom)]
    impl std::ops::Deref for Futex {
        type Target = book_model::sync::atomic::AtomicU32;
        fn deref(&self) -> &Self::Target {
            &self.value
        }
    }

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

// ANCHOR: mutex
const UNLOCKED: u32 = 0;
const LOCKED: u32 = 1; // and nobody is asleep
const CONTENDED: u32 = 2; // and somebody may be asleep

pub struct FutexMutex<T> {
    state: Futex,
    value: UnsafeCell<T>,
}

// SAFETY: as for any mutex, one thread at a time reaches the value.
unsafe impl<T: Send> Sync for FutexMutex<T> {}

impl<T> FutexMutex<T> {
    pub fn new(value: T) -> Self {
        FutexMutex {
            state: Futex::new(UNLOCKED),
            value: UnsafeCell::new(value),
        }
    }

    pub fn with<R>(&self, f: impl FnOnce(&mut T) -> R) -> R {
        // Fast path: one compare-and-swap, no system call.
        if self
            .state
            .compare_exchange(UNLOCKED, LOCKED, Acquire, Relaxed)
            .is_err()
        {
            // Slow path: mark the lock CONTENDED, so the unlocker knows to
            // wake someone, and sleep until it looks free.
            while self.state.swap(CONTENDED, Acquire) != UNLOCKED {
                self.state.wait(CONTENDED);
            }
        }
        let _unlock = Unlock(&self.state);
        // SAFETY: we hold the lock, so no other reference to the value exists.
        self.value.with_mut(|v| f(unsafe { &mut *v }))
    }
}

struct Unlock<'a>(&'a Futex);

impl Drop for Unlock<'_> {
    fn drop(&mut self) {
        // A system call only if somebody may be asleep.
        if self.0.swap(UNLOCKED, Release) == CONTENDED {
            self.0.wake_one();
        }
    }
}
// ANCHOR_END: mutex

fn main() {
    // ANCHOR: use
    let counter = FutexMutex::new(0_u64);
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
