use std::sync::atomic::Ordering;
use std::thread;
use sync::{AtomicBool, AtomicU64, yield_now};

/// std's types in the program; loom's under `--cfg loom`, where `tests/model.rs`
/// checks this very code (see CONTRIBUTING, "Model-checking and benchmarking").
mod sync {
    #[cfg(loom)]
    pub use book_model::{
        sync::atomic::{AtomicBool, AtomicU64},
        yield_now,
    };
    #[cfg(not(loom))]
    pub use std::{
        sync::atomic::{AtomicBool, AtomicU64},
        thread::yield_now,
    };
}

// ANCHOR: publish
pub struct Slot {
    pub payload: AtomicU64,
    pub ready: AtomicBool,
}

/// Writer: store the payload, then raise the flag with Release. Everything
/// written before the Release store is visible to whoever Acquires the flag.
pub fn publish(slot: &Slot, value: u64) {
    slot.payload.store(value, Ordering::Relaxed);
    slot.ready.store(true, Ordering::Release);
}

/// Reader: wait for the flag with Acquire, then read the payload.
pub fn consume(slot: &Slot) -> u64 {
    while !slot.ready.load(Ordering::Acquire) {
        yield_now(); // a spin for the demo; real code would block (S16)
    }
    slot.payload.load(Ordering::Relaxed)
}
// ANCHOR_END: publish

fn main() {
    let mut all_seen = true;
    for round in 0..300_u64 {
        let slot = Slot {
            payload: AtomicU64::new(0),
            ready: AtomicBool::new(false),
        };
        let seen = thread::scope(|s| {
            let reader = s.spawn(|| consume(&slot));
            s.spawn(|| publish(&slot, round + 1));
            reader.join().unwrap()
        });
        all_seen &= seen == round + 1;
    }
    println!("300 rounds: the reader saw the payload every time = {all_seen}");
}
