//! loom model of the listing's wrong singleflight group, run by `cargo test -p book-tests --test models`: the model
//! p08-singleflight passes.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use p08_check_then_insert::Group;

use book_model::sync::atomic::AtomicUsize;
use std::sync::atomic::Ordering::SeqCst;

/// A fetch that fails the model if another fetch of the same key is running at the same time. Its counters are
/// loom's atomics, so loom may switch threads in the middle of a fetch.
fn fetch(in_flight: &AtomicUsize, fetches: &AtomicUsize) -> u32 {
    let before = in_flight.fetch_add(1, SeqCst);
    assert_eq!(before, 0, "two fetches of one key at once");
    fetches.fetch_add(1, SeqCst);
    in_flight.fetch_sub(1, SeqCst);
    7
}

/// Three threads (main and two spawned) ask for one key at once. In every interleaving: never two fetches at once,
/// every caller gets the value (a caller left waiting is a deadlock loom reports), and at most one fetch per caller.
#[test]
fn three_callers_one_flight() {
    book_model::check(|| {
        let group = Arc::new(Group::new());
        let in_flight = Arc::new(AtomicUsize::new(0));
        let fetches = Arc::new(AtomicUsize::new(0));
        let call = {
            let (group, in_flight, fetches) =
                (group.clone(), in_flight.clone(), fetches.clone());
            move || group.work(&1, || fetch(&in_flight, &fetches)).0
        };
        let a = thread::spawn(call.clone());
        let b = thread::spawn(call.clone());
        let values = [call(), a.join().unwrap(), b.join().unwrap()];
        assert_eq!(values, [7, 7, 7], "a caller got no value");
        assert!((1..=3).contains(&fetches.load(SeqCst)));
        assert_eq!(group.waiting(&1), 0, "a call is left in the map");
    });
}
