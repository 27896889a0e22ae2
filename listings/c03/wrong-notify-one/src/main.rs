//! C03 · A wrong barrier: it wakes one sleeper per round.
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
            state.arrived = 0;
            state.generation = state.generation.wrapping_add(1);
            // BUG: wakes one sleeper. The other n - 2 of this round sleep on,
            // and nothing will notify them again: the next round cannot end
            // without them.
            self.released.notify_one();
            return true;
        }
        // ANCHOR_END: leader
        let _state = self
            .released
            .wait_while(state, |s| s.generation == round)
            .unwrap_or_else(PoisonError::into_inner);
        false
    }
}

fn main() {
    // Two threads only: the one sleeper is the one woken, so the bug cannot show.
    let barrier = Barrier::new(2);
    let leaders: usize = thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| s.spawn(|| (0..10).filter(|_| barrier.wait()).count()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    });
    println!("10 rounds of 2 threads, leaders: {leaders}");
}
