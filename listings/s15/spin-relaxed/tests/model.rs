//! loom models of the listing's wrong spinlock, run by `cargo test -p book-tests --test models` with the bounds declared
//! in `[[package.metadata.model]]` of this listing's Cargo.toml.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use s15_spin_relaxed::SpinLock;

/// Two threads (main and one spawned) each add 1 to a value behind the lock. loom's `UnsafeCell` fails the model
/// if two threads ever touch the value without a happens-before edge between them, and the total must be 2. (With
/// a third spinning thread, the paths loom has to explore grow past its branch limit.)
#[test]
fn two_increments() {
    book_model::check(|| {
        let lock = Arc::new(SpinLock::new(0_u32));
        let add = {
            let lock = Arc::clone(&lock);
            move || lock.with(|n| *n += 1)
        };
        let other = thread::spawn(add.clone());
        add();
        other.join().unwrap();
        assert_eq!(lock.with(|n| *n), 2, "an increment was lost");
    });
}
