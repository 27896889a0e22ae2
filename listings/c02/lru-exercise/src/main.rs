//! C02 · A concurrency-safe LRU cache. Replace every `todo!()`, then run the
//! interviewer's tests: `cargo test -p c02-lru-exercise`.
#![allow(unused_variables)] // the `todo!()` bodies do not use their parameters yet
use std::hash::Hash;
use std::marker::PhantomData;

// ANCHOR: api
/// A cache of at most `capacity` entries that evicts the least recently used
/// one. Threads share it by reference (`&Lru` or `Arc<Lru>`), so every method
/// takes `&self`.
pub struct Lru<K, V> {
    // Replace with your fields.
    _todo: PhantomData<(K, V)>,
}

impl<K: Hash + Eq + Clone, V: Clone> Lru<K, V> {
    /// An empty cache that holds up to `capacity` entries (at least 1).
    pub fn new(capacity: usize) -> Self {
        todo!()
    }

    /// A copy of the value stored for `key`, if any. A hit makes the entry
    /// the most recently used.
    pub fn get(&self, key: &K) -> Option<V> {
        todo!()
    }

    /// Stores `value` for `key`, replacing the old value if there was one, and
    /// makes the entry the most recently used. Returns the entry evicted to
    /// make room: the least recently used one, and only when a new key arrives
    /// in a full cache (replacing a value never evicts).
    pub fn put(&self, key: K, value: V) -> Option<(K, V)> {
        todo!()
    }
}
// ANCHOR_END: api

fn main() {
    let cache = Lru::new(2);
    cache.put("a", 1);
    cache.put("b", 2);
    cache.get(&"a"); // "a" is now the most recently used
    println!("evicted: {:?}", cache.put("c", 3));
    println!("a: {:?}, b: {:?}", cache.get(&"a"), cache.get(&"b"));
}
