use std::sync::Barrier;
use std::sync::atomic::{AtomicI64, Ordering};
use std::thread;

fn main() {
    // ANCHOR: body
    let balance = AtomicI64::new(100);
    // Both threads must reach the barrier before either may go on: this pins
    // down the unlucky interleaving that, in production, happens only sometimes.
    let both_checked = Barrier::new(2);

    let results: Vec<(i64, bool)> = thread::scope(|s| {
        let withdraw = || {
            let seen = balance.load(Ordering::SeqCst); // check
            let approved = seen >= 100;
            both_checked.wait();
            if approved {
                balance.fetch_sub(100, Ordering::SeqCst); // act, on a stale decision
            }
            (seen, approved)
        };
        let a = s.spawn(withdraw);
        let b = s.spawn(withdraw);
        vec![a.join().unwrap(), b.join().unwrap()]
    });

    for (i, (seen, approved)) in results.iter().enumerate() {
        let verdict = if *approved { "approved" } else { "refused" };
        println!("withdrawal {i}: saw balance {seen}, {verdict}");
    }
    println!("final balance: {}", balance.load(Ordering::SeqCst));
    // ANCHOR_END: body
}
