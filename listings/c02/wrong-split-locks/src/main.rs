//! C02 · A wrong cache: two locks, so that readers and writers "contend less".
use std::collections::{HashMap, VecDeque};
use std::hash::Hash;
use std::sync::PoisonError;
use sync::Mutex;

/// std's types in the program; loom's under `--cfg loom`, where `tests/model.rs`
/// checks this very code (see CONTRIBUTING, "Model-checking and benchmarking").
mod sync {
    #[cfg(loom)]
    pub use book_model::sync::Mutex;
    #[cfg(not(loom))]
    pub use std::sync::Mutex;
}

// ANCHOR: split
pub struct Lru<K, V> {
    capacity: usize,
    // BUG: two locks for one invariant ("the order lists exactly the keys of
    // the map"). Between the two critical sections the invariant is broken,
    // and another thread can act on it.
    map: Mutex<HashMap<K, V>>,
    order: Mutex<VecDeque<K>>, // least recently used first
}

impl<K: Hash + Eq + Clone, V: Clone> Lru<K, V> {
    pub fn get(&self, key: &K) -> Option<V> {
        let value = self
            .map
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .get(key)
            .cloned()?;
        // The map lock is released here: an eviction may remove `key` now,
        // and the touch below puts it back into the order as a ghost.
        self.touch(key);
        Some(value)
    }

    pub fn put(&self, key: K, value: V) -> Option<(K, V)> {
        let replaced = self
            .map
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key.clone(), value)
            .is_some();
        self.touch(&key);
        if replaced {
            return None;
        }
        let mut order = self.order.lock().unwrap_or_else(PoisonError::into_inner);
        if order.len() <= self.capacity {
            return None;
        }
        let oldest = order.pop_front().expect("longer than the capacity");
        drop(order);
        let mut map = self.map.lock().unwrap_or_else(PoisonError::into_inner);
        map.remove(&oldest).map(|value| (oldest, value))
    }

    /// Moves `key` to the young end of the order.
    fn touch(&self, key: &K) {
        let mut order = self.order.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(at) = order.iter().position(|k| k == key) {
            order.remove(at);
        }
        order.push_back(key.clone());
    }
}
// ANCHOR_END: split

impl<K: Hash + Eq + Clone, V: Clone> Lru<K, V> {
    pub fn new(capacity: usize) -> Self {
        assert!(capacity > 0, "an LRU cache needs a capacity of at least 1");
        Lru {
            capacity,
            map: Mutex::new(HashMap::new()),
            order: Mutex::new(VecDeque::new()),
        }
    }
}

fn main() {
    let cache = Lru::new(2);
    cache.put("a", 1);
    cache.put("b", 2);
    cache.get(&"a"); // "a" is now the most recently used
    println!("evicted: {:?}", cache.put("c", 3));
    println!("a: {:?}, b: {:?}", cache.get(&"a"), cache.get(&"b"));
}
