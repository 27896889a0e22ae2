//! C03 · The reference solution: a count and a generation behind one mutex.
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

// ANCHOR: solution
pub struct Barrier {
    parties: usize,
    state: Mutex<State>,
    released: Condvar,
}

struct State {
    arrived: usize,  // threads waiting in the current round
    generation: u64, // which round this is; the leader moves it on
}

impl Barrier {
    pub fn new(n: usize) -> Self {
        assert!(n > 0, "a barrier needs at least one thread");
        let state = State {
            arrived: 0,
            generation: 0,
        };
        Barrier {
            parties: n,
            state: Mutex::new(state),
            released: Condvar::new(),
        }
    }

    pub fn wait(&self) -> bool {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let round = state.generation;
        state.arrived += 1;
        if state.arrived == self.parties {
            // The last to arrive: reset the count for the next round, move
            // the generation on, and release everyone waiting on this round.
            state.arrived = 0;
            state.generation = state.generation.wrapping_add(1);
            self.released.notify_all();
            return true;
        }
        // Wait until *this* round is over. A thread of the next round may
        // arrive (and count) before we wake: `arrived` says nothing about us.
        let _state = self
            .released
            .wait_while(state, |s| s.generation == round)
            .unwrap_or_else(PoisonError::into_inner);
        false
    }
}
// ANCHOR_END: solution

fn main() {
    let barrier = Barrier::new(3);
    let leaders: usize = thread::scope(|s| {
        let handles: Vec<_> = (0..3)
            .map(|_| s.spawn(|| (0..10).filter(|_| barrier.wait()).count()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    println!("10 rounds of 3 threads, leaders: {leaders}");
}
