use std::sync::Arc;
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

// ANCHOR: waitgroup
#[derive(Default)]
struct State {
    count: usize,
    waiters: usize, // and no generation
}

#[derive(Default)]
pub struct WaitGroup {
    state: Mutex<State>,
    zero: Condvar,
}

impl WaitGroup {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn waiting(&self) -> usize {
        self.state.lock().unwrap().waiters
    }

    pub fn add(&self, n: usize) {
        self.state.lock().unwrap().count += n;
    }

    pub fn done(&self) {
        let mut state = self.state.lock().unwrap();
        state.count = state
            .count
            .checked_sub(1)
            .expect("negative WaitGroup counter");
        if state.count == 0 {
            self.zero.notify_all();
        }
    }

    pub fn wait(&self) {
        let mut state = self.state.lock().unwrap();
        state.waiters += 1;
        let mut state = self.zero.wait_while(state, |s| s.count > 0).unwrap();
        state.waiters -= 1;
    }
}
// ANCHOR_END: waitgroup

fn main() {
    let wg = Arc::new(WaitGroup::new());
    let finished = Arc::new(Mutex::new(0));
    for _ in 0..5 {
        wg.add(1); // before the spawn, as in Go
        let (wg, finished) = (wg.clone(), finished.clone());
        thread::spawn(move || {
            *finished.lock().unwrap() += 1;
            wg.done();
        });
    }
    wg.wait();
    println!(
        "finished before wait returned: {} of 5",
        *finished.lock().unwrap()
    );
}
