//! The interviewer's tests for your cache: `cargo test -p c02-lru-exercise`.  Every test
//! runs inside `within`, which fails it with a "timed out" message instead of letting a
//! deadlocked cache hang `cargo test`.

use c02_lru_exercise::Lru;
use challenge_kit::within;
use std::sync::Arc;
use std::thread;

#[test]
fn get_returns_what_put_stored() {
    within("get after put", || {
        let cache = Lru::new(2);
        assert_eq!(
            cache.put("a", 1),
            None,
            "a put into an empty cache evicts nothing"
        );
        assert_eq!(cache.put("b", 2), None, "the cache has room for two");
        assert_eq!(cache.get(&"a"), Some(1));
        assert_eq!(cache.get(&"b"), Some(2));
        assert_eq!(cache.get(&"c"), None, "a key never put is a miss");
    });
}

#[test]
fn a_full_cache_evicts_the_least_recently_used() {
    within("three puts into a cache of two", || {
        let cache = Lru::new(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assert_eq!(
            cache.put("c", 3),
            Some(("a", 1)),
            "a was put first and never read"
        );
        assert_eq!(cache.get(&"a"), None, "an evicted key is a miss");
        assert_eq!(cache.get(&"b"), Some(2));
        assert_eq!(cache.get(&"c"), Some(3));
    });
}

#[test]
fn get_makes_an_entry_the_most_recently_used() {
    within("get, then a put that evicts", || {
        let cache = Lru::new(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assert_eq!(cache.get(&"a"), Some(1));
        assert_eq!(
            cache.put("c", 3),
            Some(("b", 2)),
            "get(a) made a the most recently used, so b is the one to evict"
        );
        assert_eq!(cache.get(&"a"), Some(1));
    });
}

#[test]
fn replacing_a_value_evicts_nothing() {
    within("a put of a key already there", || {
        let cache = Lru::new(2);
        cache.put("a", 1);
        cache.put("b", 2);
        assert_eq!(
            cache.put("a", 10),
            None,
            "replacing a's value does not grow the cache, so nothing is evicted"
        );
        assert_eq!(cache.get(&"b"), Some(2), "b is still there");
        assert_eq!(cache.get(&"a"), Some(10), "a has its new value");
        // The replace and the gets left b least recently used.
        cache.get(&"a");
        assert_eq!(cache.put("c", 3), Some(("b", 2)));
    });
}

#[test]
fn a_cache_of_one_keeps_the_last_key() {
    within("a cache of capacity one", || {
        let cache = Lru::new(1);
        assert_eq!(cache.put(1, "one"), None);
        assert_eq!(cache.put(2, "two"), Some((1, "one")));
        assert_eq!(cache.get(&1), None);
        assert_eq!(cache.get(&2), Some("two"));
    });
}

/// Four threads put and get 16 keys in a cache of 8, each in its own order. Afterwards the
/// cache must still be one consistent cache: no value ever crossed keys, and eight fresh
/// keys push out exactly the old keys that were left, each once.
#[test]
fn threads_sharing_the_cache_keep_it_consistent() {
    within("4 threads × 2,000 operations on one cache", || {
        const KEYS: u64 = 16;
        const CAPACITY: usize = 8;
        let cache = Arc::new(Lru::new(CAPACITY));
        let workers: Vec<_> = (0..4u64)
            .map(|t| {
                let cache = Arc::clone(&cache);
                thread::spawn(move || {
                    for i in 0..2_000u64 {
                        let key = (i * (2 * t + 1) + t) % KEYS;
                        if i % 3 == 0 {
                            if let Some((k, v)) = cache.put(key, key * 10) {
                                assert_eq!(
                                    v,
                                    k * 10,
                                    "evicted key {k} with another key's value"
                                );
                            }
                        } else if let Some(v) = cache.get(&key) {
                            assert_eq!(
                                v,
                                key * 10,
                                "get({key}) returned another key's value"
                            );
                        }
                    }
                })
            })
            .collect();
        for w in workers {
            w.join().expect("a worker thread panicked");
        }
        let left: Vec<u64> = (0..KEYS).filter(|k| cache.get(k).is_some()).collect();
        assert!(
            left.len() <= CAPACITY,
            "{} keys left in a cache of {CAPACITY}: {left:?}",
            left.len()
        );
        let mut pushed_out: Vec<u64> = (100..100 + CAPACITY as u64)
            .filter_map(|k| cache.put(k, k * 10).map(|(old, _)| old))
            .collect();
        pushed_out.sort_unstable();
        assert_eq!(
            pushed_out, left,
            "eight fresh keys must push out exactly the keys that were left"
        );
        for k in 100..100 + CAPACITY as u64 {
            assert_eq!(cache.get(&k), Some(k * 10), "fresh key {k} is missing");
        }
    });
}
