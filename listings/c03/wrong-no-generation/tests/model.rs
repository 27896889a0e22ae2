//! loom model of this barrier, run by `cargo test -p book-tests --test models` with the
//! bounds declared in `[[package.metadata.model]]` of this listing's Cargo.toml. The
//! reference solution and the wrong barrier run the same model.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use c03_wrong_no_generation::Barrier;

/// A barrier of two; the main thread and one other go through three rounds. Each round has
/// one leader, and neither thread may sleep through a release: loom reports a deadlock if
/// one does.
#[test]
fn two_threads_three_rounds() {
    book_model::check(|| {
        let barrier = Arc::new(Barrier::new(2));
        let other = {
            let barrier = Arc::clone(&barrier);
            thread::spawn(move || (0..3).map(|_| barrier.wait()).collect::<Vec<_>>())
        };
        let mine: Vec<bool> = (0..3).map(|_| barrier.wait()).collect();
        let theirs = other.join().unwrap();
        for round in 0..3 {
            assert!(
                mine[round] != theirs[round],
                "round {round} had no leader or two"
            );
        }
    });
}
