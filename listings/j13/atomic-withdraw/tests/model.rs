//! loom model of the listing's withdrawal, run by `cargo test -p book-tests --test models` with the bounds declared
//! in `[[package.metadata.model]]` of this listing's Cargo.toml.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use book_model::sync::atomic::AtomicI64;
use j13_atomic_withdraw::withdraw;
use std::sync::atomic::Ordering;

/// Three threads (main and two spawned) each try to withdraw 100 from a balance of 200: in every interleaving
/// exactly two are approved and the balance ends at 0, never below.
#[test]
fn three_withdrawals_of_100_from_200() {
    book_model::check(|| {
        let balance = Arc::new(AtomicI64::new(200));
        let spawn = || {
            let balance = Arc::clone(&balance);
            thread::spawn(move || withdraw(&balance, 100))
        };
        let (a, b) = (spawn(), spawn());
        let approved = [
            withdraw(&balance, 100),
            a.join().unwrap(),
            b.join().unwrap(),
        ];
        let approved = approved.iter().filter(|ok| **ok).count();
        assert_eq!(
            approved, 2,
            "{approved} withdrawals of 100 approved from 200"
        );
        assert_eq!(balance.load(Ordering::SeqCst), 0, "the balance is not 0");
    });
}
