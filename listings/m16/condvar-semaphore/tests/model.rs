//! loom models of the listing's semaphore, run by `cargo test -p book-tests --test models` with the bounds declared
//! in `[[package.metadata.model]]` of this listing's Cargo.toml.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use book_model::sync::atomic::{AtomicUsize, Ordering};
use m16_condvar_semaphore::Semaphore;

/// One permit, three threads (main and two spawned) that each take it once. In every interleaving at most one
/// thread is inside, and every thread gets in: a lost wake-up would leave one asleep forever, a deadlock for loom.
#[test]
fn one_permit_three_threads() {
    book_model::check(|| {
        let sem = Arc::new(Semaphore::new(1));
        let inside = Arc::new(AtomicUsize::new(0));
        let enter = {
            let (sem, inside) = (Arc::clone(&sem), Arc::clone(&inside));
            move || {
                let _permit = sem.acquire();
                let now = inside.fetch_add(1, Ordering::SeqCst) + 1;
                assert!(now <= 1, "{now} threads inside a 1-permit semaphore");
                inside.fetch_sub(1, Ordering::SeqCst);
            }
        };
        let a = thread::spawn(enter.clone());
        let b = thread::spawn(enter.clone());
        enter();
        a.join().unwrap();
        b.join().unwrap();
        // Every permit came back: main can take the one permit again without waiting forever.
        drop(sem.acquire());
    });
}
