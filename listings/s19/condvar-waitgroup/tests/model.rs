//! loom models of the listing's WaitGroup, run by `cargo test -p book-tests --test models`
//! with the bounds declared in `[[package.metadata.model]]` of this listing's Cargo.toml.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use s19_condvar_waitgroup::WaitGroup;

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

/// Two workers and a waiter: `wait` returns only after both `done`s (the work they did
/// before `done` is visible), and it does return.
#[test]
fn wait_sees_all_work() {
    book_model::check(|| {
        let wg = Arc::new(WaitGroup::new());
        let work = Arc::new(book_model::sync::atomic::AtomicUsize::new(0));
        wg.add(2);
        let workers: Vec<_> = (0..2)
            .map(|_| {
                let (wg, work) = (Arc::clone(&wg), Arc::clone(&work));
                thread::spawn(move || {
                    work.fetch_add(1, book_model::sync::atomic::Ordering::Relaxed);
                    wg.done();
                })
            })
            .collect();
        wg.wait();
        let seen = work.load(book_model::sync::atomic::Ordering::Relaxed);
        assert_eq!(seen, 2, "wait returned after {seen} of 2 workers");
        for w in workers {
            w.join().unwrap();
        }
    });
}
