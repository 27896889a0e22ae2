//! C03 · A wrong barrier: it works once.
use std::sync::PoisonError;
use std::sync::{Condvar, Mutex};
use std::thread;

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
        // ANCHOR: leader
        if state.arrived == self.parties {
            // BUG: the count is never reset. The next round counts on from
            // `parties`, never equals it again, and nobody is ever released.
            state.generation = state.generation.wrapping_add(1);
            self.released.notify_all();
            return true;
        }
        // ANCHOR_END: leader
        // Wait until *this* round is over. A thread of the next round may
        // arrive (and count) before we wake: `arrived` says nothing about us.
        let _state = self
            .released
            .wait_while(state, |s| s.generation == round)
            .unwrap_or_else(PoisonError::into_inner);
        false
    }
}

fn main() {
    // One round only: the missing reset cannot show.
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
