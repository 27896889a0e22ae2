use std::sync::PoisonError;
use std::sync::atomic::Ordering::Relaxed;
use std::thread;
use sync::{Futex, Mutex, MutexGuard};

/// The real futex (through the `atomic-wait` crate) and std's mutex in the program. loom
/// cannot model a system call, so under `--cfg loom` a `Futex` is loom's atomic plus a
/// mutex and condition variable that give `wait` and `wake_one` the futex's contract:
/// `wait(v)` sleeps only if the value is still `v`, and no wake-up can slip in between.
mod sync {
    #[cfg(loom)]
    pub use book_model::sync::{Mutex, MutexGuard};
    #[cfg(not(loom))]
    pub use std::sync::{Mutex, MutexGuard};

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
}

// ANCHOR: condvar
/// A condition variable: a counter of notifications, and a futex to sleep on.
pub struct Condvar {
    notified: Futex,
}

impl Condvar {
    pub fn new() -> Self {
        Condvar {
            notified: Futex::new(0),
        }
    }

    /// Unlocks `mutex`, sleeps until notified, locks it again. It may also
    /// return without a notification: callers re-check their condition.
    pub fn wait<'a, T>(
        &self,
        mutex: &'a Mutex<T>,
        guard: MutexGuard<'a, T>,
    ) -> MutexGuard<'a, T> {
        // Read the counter *before* unlocking: a notify that comes after the
        // unlock changes it, and then `wait` below returns at once.
        let seen = self.notified.load(Relaxed);
        drop(guard);
        self.notified.wait(seen);
        mutex.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn notify_one(&self) {
        self.notified.fetch_add(1, Relaxed);
        self.notified.wake_one();
    }
}
// ANCHOR_END: condvar

impl Default for Condvar {
    fn default() -> Self {
        Condvar::new()
    }
}

fn main() {
    // ANCHOR: use
    let ready = Mutex::new(false);
    let changed = Condvar::new();
    thread::scope(|s| {
        s.spawn(|| {
            *ready.lock().unwrap() = true; // change the state under the lock,
            changed.notify_one(); // then notify
        });
        let mut guard = ready.lock().unwrap();
        while !*guard {
            // `while`, not `if`: a wake-up is a hint to look again
            guard = changed.wait(&ready, guard);
        }
        println!("ready: {}", *guard);
    });
    // ANCHOR_END: use
}
