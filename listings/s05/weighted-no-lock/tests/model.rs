//! loom models of the listing's wrong channel semaphore, run by `cargo test -p book-tests --test models` with the bounds
//! declared in `[[package.metadata.model]]` of this listing's Cargo.toml.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use book_model::sync::atomic::{AtomicUsize, Ordering};
use s05_weighted_no_lock::Semaphore;

/// Two permits. Two spawned threads take both at once with `acquire_many(2)`; main takes one with `acquire`. In
/// every interleaving the permits held add up to at most 2, and every thread finishes: two threads each holding
/// one token and waiting for the second would be a deadlock, which loom reports.
#[test]
fn two_weighted_one_single() {
    book_model::check(|| {
        let sem = Arc::new(Semaphore::new(2));
        let held = Arc::new(AtomicUsize::new(0));
        let take = |n: usize| {
            let (sem, held) = (Arc::clone(&sem), Arc::clone(&held));
            move || {
                let _permit = if n == 1 {
                    sem.acquire()
                } else {
                    sem.acquire_many(n)
                };
                let now = held.fetch_add(n, Ordering::SeqCst) + n;
                assert!(now <= 2, "{now} permits held of 2");
                held.fetch_sub(n, Ordering::SeqCst);
            }
        };
        let a = thread::spawn(take(2));
        let b = thread::spawn(take(2));
        take(1)();
        a.join().unwrap();
        b.join().unwrap();
        // Every token came back: both permits can be taken again at once.
        let (first, second) = (sem.try_acquire(), sem.try_acquire());
        assert!(
            first.is_some() && second.is_some(),
            "a permit was not given back"
        );
    });
}
