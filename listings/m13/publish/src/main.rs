use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;

// ANCHOR: publish
struct Slot {
    payload: AtomicU64,
    ready: AtomicBool,
}

/// Writer: store the payload, then raise the flag with Release. Everything
/// written before the Release store is visible to whoever Acquires the flag.
fn publish(slot: &Slot, value: u64) {
    slot.payload.store(value, Ordering::Relaxed);
    slot.ready.store(true, Ordering::Release);
}

/// Reader: wait for the flag with Acquire, then read the payload.
fn consume(slot: &Slot) -> u64 {
    while !slot.ready.load(Ordering::Acquire) {
        thread::yield_now(); // a spin for the demo; real code would block (S16)
    }
    slot.payload.load(Ordering::Relaxed)
}
// ANCHOR_END: publish

fn main() {
    let mut all_seen = true;
    for round in 0..1000_u64 {
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
    println!("1000 rounds: the reader saw the payload every time = {all_seen}");
}
