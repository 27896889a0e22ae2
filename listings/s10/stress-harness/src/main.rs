use std::sync::Barrier;
use std::sync::atomic::{AtomicI64, Ordering::SeqCst};
use std::thread;

/// The fix: check and subtract in one atomic step.
fn withdraw(balance: &AtomicI64, amount: i64) -> bool {
    balance
        .fetch_update(SeqCst, SeqCst, |b| (b >= amount).then_some(b - amount))
        .is_ok()
}

// ANCHOR: harness
const ROUNDS: usize = 500;

fn main() {
    for round in 0..ROUNDS {
        let balance = AtomicI64::new(100);
        let start = Barrier::new(2); // release both threads together, every round
        let approved = thread::scope(|s| {
            let racer = || {
                start.wait();
                withdraw(&balance, 80)
            };
            let (a, b) = (s.spawn(racer), s.spawn(racer));
            [a.join().unwrap(), b.join().unwrap()]
        });
        let left = balance.load(SeqCst);
        let approvals = approved.iter().filter(|&&ok| ok).count();
        // The invariant, not an interleaving: checked whatever the schedule was.
        assert!(
            approvals == 1 && left == 20,
            "round {round}: {approved:?}, balance {left}"
        );
    }
    println!(
        "{ROUNDS} rounds of 2 racing withdrawals: exactly one approved each time, \
         balance never negative"
    );
}
// ANCHOR_END: harness
