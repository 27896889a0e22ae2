//! loom models of the listing's futex-style mutex, run by `cargo test -p book-tests --test models` with the bounds
//! declared in `[[package.metadata.model]]` of this listing's Cargo.toml.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use s15_futex_mutex::FutexMutex;

/// Three threads (main and two spawned) each add 1 under the lock. loom's `UnsafeCell` fails the model if two
/// threads touch the value at once; a thread asleep with nobody left to wake it is a deadlock; the total must be 3.
#[test]
fn three_increments() {
    book_model::check(|| {
        let lock = Arc::new(FutexMutex::new(0_u32));
        let add = {
            let lock = Arc::clone(&lock);
            move || lock.with(|n| *n += 1)
        };
        let a = thread::spawn(add.clone());
        let b = thread::spawn(add.clone());
        add();
        a.join().unwrap();
        b.join().unwrap();
        assert_eq!(lock.with(|n| *n), 3, "an increment was lost");
    });
}
