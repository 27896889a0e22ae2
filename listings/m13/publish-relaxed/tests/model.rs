//! loom model of the listing's Relaxed (wrong) publication, run by `cargo test -p book-tests --test models` with the
//! bounds declared in `[[package.metadata.model]]` of this listing's Cargo.toml.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use book_model::sync::atomic::{AtomicBool, AtomicU64};
use m13_publish_relaxed::{Slot, consume, publish};

/// A writer thread publishes 42 while main waits for the flag: whenever main sees the flag, it sees 42, in every
/// interleaving and for every value loom lets a load return under the memory model.
#[test]
fn reader_sees_payload() {
    book_model::check(|| {
        let slot = Arc::new(Slot {
            payload: AtomicU64::new(0),
            ready: AtomicBool::new(false),
        });
        let writer = {
            let slot = Arc::clone(&slot);
            thread::spawn(move || publish(&slot, 42))
        };
        let seen = consume(&slot);
        assert_eq!(seen, 42, "the reader saw the flag but not the payload");
        writer.join().unwrap();
    });
}
