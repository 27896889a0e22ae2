//! loom model of the listing's sharded counter, run by `cargo test -p book-tests --test
//! models` with the bounds declared in `[[package.metadata.model]]` of this listing's
//! Cargo.toml.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use s12_sharded_counter::ShardedCounter;

/// Two shards, three adders: two of them share a shard (hints 0 and 2). After joining, the
/// total must be the sum of every add: no update lost.
#[test]
fn shared_shard_loses_nothing() {
    book_model::check(|| {
        let counter = Arc::new(ShardedCounter::new(2));
        let adders: Vec<_> = [0, 2]
            .into_iter()
            .map(|hint| {
                let counter = Arc::clone(&counter);
                thread::spawn(move || counter.add(hint, 1))
            })
            .collect();
        counter.add(1, 1);
        for a in adders {
            a.join().unwrap();
        }
        let total = counter.total();
        assert_eq!(total, 3, "lost an update: total {total} after 3 adds");
    });
}
