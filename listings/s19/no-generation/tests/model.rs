//! loom models of the listing's WaitGroup, run by `cargo test -p book-tests --test models`
//! with the bounds declared in `[[package.metadata.model]]` of this listing's Cargo.toml.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use s19_no_generation::WaitGroup;

/// A waiter for round 1, while the only worker finishes round 1 and at once starts round 2
/// on the same group. The waiter must return (its round is over) in every interleaving: if
/// it slept through the moment the count was zero and then saw round 2's count, it would
/// wait forever, a deadlock for loom.
#[test]
fn reuse_while_waiting() {
    book_model::check(|| {
        let wg = Arc::new(WaitGroup::new());
        wg.add(1);
        let waiter = {
            let wg = Arc::clone(&wg);
            thread::spawn(move || wg.wait())
        };
        while wg.waiting() == 0 {
            book_model::yield_now(); // until the waiter is inside `wait`, in round 1
        }
        wg.done(); // round 1 is over...
        wg.add(1); // ...and round 2 starts before the waiter has necessarily woken up
        waiter.join().unwrap();
        wg.done();
    });
}
