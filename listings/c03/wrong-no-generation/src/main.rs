//! C03 · A wrong barrier: a count and no generation.
use std::sync::PoisonError;
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

pub struct Barrier {
    parties: usize,
    arrived: Mutex<usize>,
    released: Condvar,
}

impl Barrier {
    pub fn new(n: usize) -> Self {
        assert!(n > 0, "a barrier needs at least one thread");
        Barrier {
            parties: n,
            arrived: Mutex::new(0),
            released: Condvar::new(),
        }
    }

    // ANCHOR: wait
    pub fn wait(&self) -> bool {
        let mut arrived = self.arrived.lock().unwrap_or_else(PoisonError::into_inner);
        *arrived += 1;
        if *arrived == self.parties {
            *arrived = 0;
            self.released.notify_all();
            return true;
        }
        // BUG: "the round is over" is read from the count alone. If the
        // leader (or any released thread) comes back for the next round
        // before this thread wakes, the count is 1 again, not 0, and this
        // thread goes back to sleep inside a round that has already ended.
        let _arrived = self
            .released
            .wait_while(arrived, |a| *a != 0)
            .unwrap_or_else(PoisonError::into_inner);
        false
    }
    // ANCHOR_END: wait
}

fn main() {
    // One round only: nobody comes back early, so the bug cannot show.
    let barrier = Barrier::new(3);
    let leaders = thread::scope(|s| {
        let handles: Vec<_> = (0..3).map(|_| s.spawn(|| barrier.wait())).collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap())
            .filter(|&l| l)
            .count()
    });
    println!("1 round of 3 threads, leaders: {leaders}");
}
