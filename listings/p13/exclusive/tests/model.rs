//! loom models of the listing's work queue, run by `cargo test -p book-tests --test models` with the bounds
//! declared in `[[package.metadata.model]]` of this listing's Cargo.toml.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use book_model::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use p13_exclusive::WorkQueue;

/// Two workers and one key that changes twice (main thread: change, add, change, add, shut down). In every
/// interleaving no two workers hold the key at once, both workers return (no lost wake-up), and the last
/// reconcile saw the second change.
#[test]
fn two_workers_one_key() {
    book_model::check(|| {
        let queue = Arc::new(WorkQueue::new());
        let changes = Arc::new(AtomicUsize::new(0));
        let seen = Arc::new(AtomicUsize::new(0));
        let held = Arc::new(AtomicBool::new(false));
        let worker = {
            let (queue, changes, seen, held) =
                (queue.clone(), changes.clone(), seen.clone(), held.clone());
            move || {
                while let Some(key) = queue.get() {
                    assert!(
                        !held.swap(true, Ordering::SeqCst),
                        "two workers hold the key"
                    );
                    seen.store(changes.load(Ordering::SeqCst), Ordering::SeqCst);
                    held.store(false, Ordering::SeqCst);
                    queue.done(&key);
                }
            }
        };
        let a = thread::spawn(worker.clone());
        let b = thread::spawn(worker);
        for _ in 0..2 {
            changes.fetch_add(1, Ordering::SeqCst);
            queue.add("web");
        }
        queue.shut_down();
        a.join().unwrap();
        b.join().unwrap();
        assert_eq!(
            seen.load(Ordering::SeqCst),
            2,
            "the last change was never reconciled"
        );
    });
}
