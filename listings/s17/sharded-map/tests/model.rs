//! loom models of the listing's sharded map, run by `cargo test -p book-tests --test models` with the bounds
//! declared in `[[package.metadata.model]]` of this listing's Cargo.toml.
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use s17_sharded_map::ShardedMap;

/// A map of 2 shards. Two spawned threads each insert their own key and then race to `insert_if_absent` a shared
/// one; main does the same race. In every interleaving exactly one of the three wins the shared key, and every
/// key is found afterwards in the shard it hashes to.
#[test]
fn insert_if_absent_race() {
    book_model::check(|| {
        let map = Arc::new(ShardedMap::new(2));
        let racer = |own: u32| {
            let map = Arc::clone(&map);
            move || {
                map.insert(own, own);
                usize::from(map.insert_if_absent(0, own))
            }
        };
        let a = thread::spawn(racer(1));
        let b = thread::spawn(racer(2));
        let won =
            usize::from(map.insert_if_absent(0, 3)) + a.join().unwrap() + b.join().unwrap();
        assert_eq!(won, 1, "{won} threads inserted the same absent key");
        assert_eq!(
            (map.get(&1), map.get(&2)),
            (Some(1), Some(2)),
            "an insert was lost"
        );
        assert_eq!(map.count(), 3);
    });
}
