//! loom model of this queue, run by `cargo test -p book-tests --test models` with the
//! bounds declared in `[[package.metadata.model]]` of this listing's Cargo.toml. The
//! reference solution and the wrong queue run the same model.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use c04_ring_solution::RingBuffer;

/// A queue of one slot; a producer pushes 1, 2, 3 while the main thread pops three times.
/// Both sides must sleep at times (the slot is full, or empty), and every sleeper must be
/// woken: loom reports a deadlock otherwise.
#[test]
fn producer_and_consumer_through_one_slot() {
    book_model::check(|| {
        let q = Arc::new(RingBuffer::new(1));
        let producer = {
            let q = Arc::clone(&q);
            thread::spawn(move || (1..=3).for_each(|i| q.push(i)))
        };
        let got = [q.pop(), q.pop(), q.pop()];
        producer.join().unwrap();
        assert_eq!(got, [1, 2, 3], "items lost or reordered");
    });
}
