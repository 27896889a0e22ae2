use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;
use sync::AtomicU32;

/// std's atomic in the program; loom's under `--cfg loom`, where `tests/model.rs`
/// checks this very code (see CONTRIBUTING, "Model-checking and benchmarking").
mod sync {
    #[cfg(loom)]
    pub use book_model::sync::atomic::AtomicU32;
    #[cfg(not(loom))]
    pub use std::sync::atomic::AtomicU32;
}

pub const CAP: u32 = 100;

// ANCHOR: cas
/// Take a seat if one is left. Go: for { old := n.Load(); if old >= cap
/// { return false }; if n.CompareAndSwap(old, old+1) { return true } }
pub fn take_seat(seats: &AtomicU32) -> bool {
    let mut current = seats.load(Ordering::Relaxed);
    loop {
        if current >= CAP {
            return false;
        }
        // The weak form may fail spuriously; we retry anyway, so it is fine.
        match seats.compare_exchange_weak(
            current,
            current + 1,
            Ordering::Relaxed,
            Ordering::Relaxed,
        ) {
            Ok(_) => return true,
            Err(actual) => current = actual, // someone else won: retry from their value
        }
    }
}

/// The same loop, written by the standard library.
pub fn take_seat_update(seats: &AtomicU32) -> Result<u32, u32> {
    seats.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| {
        (n < CAP).then_some(n + 1)
    })
}
// ANCHOR_END: cas

fn run(name: &str, take: impl Fn(&AtomicU32) -> bool + Sync) {
    let seats = AtomicU32::new(0);
    let granted = AtomicUsize::new(0);
    thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                for _ in 0..50 {
                    if take(&seats) {
                        granted.fetch_add(1, Ordering::Relaxed);
                    }
                }
            });
        }
    });
    let granted = granted.into_inner();
    println!(
        "{name}: seats = {}, granted = {granted}, refused = {}",
        seats.into_inner(),
        8 * 50 - granted
    );
}

fn main() {
    run("compare_exchange_weak", take_seat);
    run("fetch_update", |s| take_seat_update(s).is_ok());

    let full = AtomicU32::new(CAP);
    println!(
        "a refused fetch_update returns {:?}",
        take_seat_update(&full)
    );
}
