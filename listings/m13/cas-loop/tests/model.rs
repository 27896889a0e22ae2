//! loom models of the listing's compare-and-swap loops, run by `cargo test -p book-tests --test models` with the
//! bounds declared in `[[package.metadata.model]]` of this listing's Cargo.toml.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use book_model::sync::atomic::AtomicU32;
use m13_cas_loop::{CAP, take_seat, take_seat_update};
use std::sync::atomic::Ordering;

/// Three threads (main and two spawned) race for the last seat: exactly one gets it, and the count stops at CAP.
fn last_seat(take: fn(&AtomicU32) -> bool) {
    book_model::check(move || {
        let seats = Arc::new(AtomicU32::new(CAP - 1));
        let spawn = || {
            let seats = Arc::clone(&seats);
            thread::spawn(move || take(&seats))
        };
        let (a, b) = (spawn(), spawn());
        let won = [take(&seats), a.join().unwrap(), b.join().unwrap()];
        let winners = won.iter().filter(|w| **w).count();
        assert_eq!(winners, 1, "{winners} threads took the last seat");
        assert_eq!(
            seats.load(Ordering::Relaxed),
            CAP,
            "the count passed the cap"
        );
    });
}

#[test]
fn cas_loop_last_seat() {
    last_seat(take_seat);
}

#[test]
fn fetch_update_last_seat() {
    last_seat(|s| take_seat_update(s).is_ok());
}
