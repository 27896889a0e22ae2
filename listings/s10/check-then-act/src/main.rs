use std::sync::Barrier;
use std::sync::atomic::{AtomicI64, Ordering::SeqCst};
use std::thread;

// ANCHOR: body
/// Every access is atomic, so there is no data race, and the compiler is satisfied.
fn withdraw(balance: &AtomicI64, amount: i64, between: &Barrier) -> bool {
    if balance.load(SeqCst) >= amount {
        between.wait(); // stands for anything that lets the other thread run here
        balance.fetch_sub(amount, SeqCst);
        true
    } else {
        false
    }
}
// ANCHOR_END: body

fn main() {
    let balance = AtomicI64::new(100);
    let between = Barrier::new(2);
    let approved = thread::scope(|s| {
        let a = s.spawn(|| withdraw(&balance, 80, &between));
        let b = s.spawn(|| withdraw(&balance, 80, &between));
        a.join().unwrap() && b.join().unwrap()
    });
    let verdict = if approved { "both" } else { "not both" };
    println!(
        "{verdict} withdrawals of 80 approved; balance: {}",
        balance.load(SeqCst)
    );
}
