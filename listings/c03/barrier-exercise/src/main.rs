//! C03 · A reusable barrier. Replace every `todo!()`, then run the
//! interviewer's tests: `cargo test -p c03-barrier-exercise`.
#![allow(unused_variables)] // the `todo!()` bodies do not use their parameters yet
use std::thread;

// ANCHOR: api
/// A meeting point for `n` threads: each call to `wait` blocks until `n`
/// threads have called it, then all `n` go on, and the barrier is ready for
/// the next round. Shared by reference: `wait` takes `&self`.
pub struct Barrier {
    // Replace with your fields.
}

impl Barrier {
    /// A barrier for `n` threads (at least 1).
    pub fn new(n: usize) -> Self {
        todo!()
    }

    /// Blocks until `n` threads (this one included) have arrived in this
    /// round. Returns `true` in exactly one of them per round, the leader.
    pub fn wait(&self) -> bool {
        todo!()
    }
}
// ANCHOR_END: api

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
