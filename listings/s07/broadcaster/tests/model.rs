//! loom models of the listing's broadcaster, run by `cargo test -p book-tests --test models` with the bounds
//! declared in `[[package.metadata.model]]` of this listing's Cargo.toml.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use s07_broadcaster::{Broadcaster, WhenFull};

/// Two subscribers with room for everything, and two threads that publish one message each at the same time. In
/// every interleaving both messages reach both subscribers, in the same order for both.
#[test]
fn two_publishers_same_order() {
    book_model::check(|| {
        let news = Arc::new(Broadcaster::new(WhenFull::Drop));
        let first = news.subscribe(2);
        let second = news.subscribe(2);
        let publisher = |msg: u8| {
            let news = Arc::clone(&news);
            move || assert_eq!(news.publish(msg), 2, "a subscriber missed {msg}")
        };
        let a = thread::spawn(publisher(1));
        let b = thread::spawn(publisher(2));
        a.join().unwrap();
        b.join().unwrap();
        let (first, second): (Vec<u8>, Vec<u8>) =
            (first.try_iter().collect(), second.try_iter().collect());
        assert_eq!(first.len(), 2, "first subscriber got {first:?}");
        assert!(
            first == second,
            "subscribers disagree on the order: {first:?} and {second:?}"
        );
    });
}
