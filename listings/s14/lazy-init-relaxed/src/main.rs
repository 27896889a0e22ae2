use std::sync::atomic::Ordering::Relaxed;
use std::thread;
use sync::{AtomicU8, UnsafeCell, yield_now};

/// std's types in the program; loom's under `--cfg loom`, where `tests/model.rs` checks
/// this very code (see CONTRIBUTING, "Model-checking and benchmarking"). std's `UnsafeCell`
/// gets loom's `with`/`with_mut` API, so that loom can track every access.
mod sync {
    #[cfg(loom)]
    pub use book_model::{loom::cell::UnsafeCell, sync::atomic::AtomicU8, yield_now};
    #[cfg(not(loom))]
    pub use std::{sync::atomic::AtomicU8, thread::yield_now};

    #[cfg(not(loom))]
    pub struct UnsafeCell<T>(std::cell::UnsafeCell<T>);
    #[cfg(not(loom))]
    impl<T> UnsafeCell<T> {
        pub fn new(value: T) -> Self {
            Self(std::cell::UnsafeCell::new(value))
        }
        pub fn with<R>(&self, f: impl FnOnce(*const T) -> R) -> R {
            f(self.0.get())
        }
        pub fn with_mut<R>(&self, f: impl FnOnce(*mut T) -> R) -> R {
            f(self.0.get())
        }
    }
}

// ANCHOR: lazy
const EMPTY: u8 = 0;
const BUSY: u8 = 1;
const READY: u8 = 2;

/// A value computed once, by whichever thread asks first (a tiny `OnceLock<u64>`).
pub struct Lazy {
    state: AtomicU8,
    value: UnsafeCell<u64>, // a plain, non-atomic u64
}

// SAFETY (claimed, and false): as in the correct version, but with Relaxed everywhere
// nothing orders the write of `value` before a reader that sees READY.
unsafe impl Sync for Lazy {}

impl Lazy {
    pub fn new() -> Self {
        Lazy {
            state: AtomicU8::new(EMPTY),
            value: UnsafeCell::new(0),
        }
    }

    pub fn get_or_init(&self, init: impl FnOnce() -> u64) -> u64 {
        if self
            .state
            .compare_exchange(EMPTY, BUSY, Relaxed, Relaxed)
            .is_ok()
        {
            let v = init();
            // SAFETY: we won the race to BUSY: no other thread touches `value` until READY.
            self.value.with_mut(|p| unsafe { *p = v });
            self.state.store(READY, Relaxed); // publishes nothing
            return v;
        }
        while self.state.load(Relaxed) != READY {
            yield_now(); // another thread is computing it (a spin for the demo)
        }
        // NOT SAFE: seeing READY with Relaxed does not make the write to `value` visible.
        self.value.with(|p| unsafe { *p })
    }
}
// ANCHOR_END: lazy

impl Default for Lazy {
    fn default() -> Self {
        Self::new()
    }
}

fn main() {
    let mut all_42 = true;
    for _ in 0..1000 {
        let lazy = Lazy::new();
        let (a, b) = thread::scope(|s| {
            let a = s.spawn(|| lazy.get_or_init(|| 42));
            let b = s.spawn(|| lazy.get_or_init(|| 42));
            (a.join().unwrap(), b.join().unwrap())
        });
        all_42 &= a == 42 && b == 42;
    }
    println!("1000 rounds: both threads got 42 every time = {all_42}");
}
