//! loom models of the listing's wrong condition variable, run by `cargo test -p book-tests --test models` with the
//! bounds declared in `[[package.metadata.model]]` of this listing's Cargo.toml.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use book_model::sync::Mutex;
use s16_read_after_unlock::Condvar;

/// Main waits, in a `while` loop, for a flag that a spawned thread sets under the mutex and then notifies. In every
/// interleaving main sees the flag and returns: a lost wake-up would leave it asleep forever, a deadlock for loom.
#[test]
fn wait_for_flag() {
    book_model::check(|| {
        let ready = Arc::new(Mutex::new(false));
        let changed = Arc::new(Condvar::new());
        let setter = {
            let (ready, changed) = (Arc::clone(&ready), Arc::clone(&changed));
            thread::spawn(move || {
                *ready.lock().unwrap() = true;
                changed.notify_one();
            })
        };
        let mut guard = ready.lock().unwrap();
        while !*guard {
            guard = changed.wait(&ready, guard);
        }
        drop(guard);
        setter.join().unwrap();
    });
}
