use std::sync::Barrier;
use std::sync::atomic::Ordering;
use std::thread;
use sync::AtomicI64;

/// std's atomic in the program; loom's under `--cfg loom`, where `tests/model.rs`
/// checks this very code (see CONTRIBUTING, "Model-checking and benchmarking").
mod sync {
    #[cfg(loom)]
    pub use book_model::sync::atomic::AtomicI64;
    #[cfg(not(loom))]
    pub use std::sync::atomic::AtomicI64;
}

// ANCHOR: withdraw
/// Takes `amount` only if the balance covers it, as one indivisible step.
pub fn withdraw(balance: &AtomicI64, amount: i64) -> bool {
    balance
        .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |current| {
            // Runs again if another thread changed the balance in the meantime.
            (current >= amount).then_some(current - amount)
        })
        .is_ok()
}
// ANCHOR_END: withdraw

fn main() {
    let balance = AtomicI64::new(100);
    let start = Barrier::new(2); // same pressure as before: both threads go at once

    let outcomes: Vec<bool> = thread::scope(|s| {
        let attempt = || {
            start.wait();
            withdraw(&balance, 100)
        };
        let a = s.spawn(attempt);
        let b = s.spawn(attempt);
        vec![a.join().unwrap(), b.join().unwrap()]
    });

    // Which thread wins varies from run to run, so print counts, not names.
    let approved = outcomes.iter().filter(|ok| **ok).count();
    println!(
        "approved: {approved}, refused: {}",
        outcomes.len() - approved
    );
    println!("final balance: {}", balance.load(Ordering::SeqCst));
}
