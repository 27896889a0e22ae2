//! loom model of the reference cache, run by `cargo test -p book-tests --test models` with
//! the bounds declared in `[[package.metadata.model]]` of this listing's Cargo.toml. The
//! wrong split-lock cache fails the same model
//! (`listings/c02/wrong-split-locks/tests/model.rs`).
#![cfg(loom)]

use book_model::loom::sync::Arc;
use book_model::loom::thread;
use c02_lru_solution::Lru;

/// A cache of one entry holding `a`; one thread reads `a` while another puts `b`, which
/// evicts `a`. Whatever the interleaving, the cache must come out as a cache of one: after
/// `c` and then `d` are put, only `d` is left.
#[test]
fn a_get_racing_an_eviction() {
    book_model::check(|| {
        let cache = Arc::new(Lru::new(1));
        cache.put("a", 1);
        let reader = {
            let cache = Arc::clone(&cache);
            thread::spawn(move || {
                if let Some(v) = cache.get(&"a") {
                    assert_eq!(v, 1, "a's value changed");
                }
            })
        };
        let writer = {
            let cache = Arc::clone(&cache);
            thread::spawn(move || {
                assert_eq!(cache.put("b", 2), Some(("a", 1)), "b must evict a");
            })
        };
        reader.join().unwrap();
        writer.join().unwrap();
        cache.put("c", 3);
        cache.put("d", 4);
        assert!(
            cache.get(&"c").is_none(),
            "a cache of capacity 1 still holds c after d was put"
        );
        assert_eq!(cache.get(&"d"), Some(4));
    });
}
