//! C02 · A wrong cache: `put` makes room before it looks whether the key is there.
use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;
use std::sync::Mutex;
use std::sync::PoisonError;

pub struct Lru<K, V> {
    capacity: usize,
    inner: Mutex<Inner<K, V>>,
}

/// Everything behind the one lock: the entries, and the same keys ordered by
/// when they were last used. A "stamp" is a counter value, not a clock.
struct Inner<K, V> {
    entries: HashMap<K, (V, u64)>,
    by_use: BTreeMap<u64, K>,
    next_stamp: u64,
}

impl<K, V> Inner<K, V> {
    fn stamp(&mut self) -> u64 {
        self.next_stamp += 1;
        self.next_stamp
    }
}

impl<K: Hash + Eq + Clone, V: Clone> Lru<K, V> {
    pub fn new(capacity: usize) -> Self {
        assert!(capacity > 0, "an LRU cache needs a capacity of at least 1");
        let inner = Inner {
            entries: HashMap::with_capacity(capacity),
            by_use: BTreeMap::new(),
            next_stamp: 0,
        };
        Lru {
            capacity,
            inner: Mutex::new(inner),
        }
    }

    pub fn get(&self, key: &K) -> Option<V> {
        let mut guard = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        let inner = &mut *guard;
        let now = inner.stamp();
        let (value, stamp) = inner.entries.get_mut(key)?;
        // A hit moves the key to the young end of the recency index.
        let key = inner.by_use.remove(stamp).expect("every entry is indexed");
        *stamp = now;
        inner.by_use.insert(now, key);
        Some(value.clone())
    }

    pub fn put(&self, key: K, value: V) -> Option<(K, V)> {
        let mut guard = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        let inner = &mut *guard;
        let now = inner.stamp();
        // ANCHOR: put
        // BUG: "full, so evict" before asking whether this put adds a key at
        // all. Replacing a value in a full cache throws out an innocent entry.
        let evicted = if inner.entries.len() == self.capacity {
            let (_, oldest) = inner.by_use.pop_first().expect("a full cache is not empty");
            let (old_value, _) = inner.entries.remove(&oldest).expect("indexed keys exist");
            Some((oldest, old_value))
        } else {
            None
        };
        if let Some((old, stamp)) = inner.entries.get_mut(&key) {
            *old = value;
            let key = inner.by_use.remove(stamp).expect("every entry is indexed");
            *stamp = now;
            inner.by_use.insert(now, key);
            return evicted;
        }
        // ANCHOR_END: put
        inner.entries.insert(key.clone(), (value, now));
        inner.by_use.insert(now, key);
        evicted
    }
}

fn main() {
    let cache = Lru::new(2);
    cache.put("a", 1);
    cache.put("b", 2);
    println!("evicted: {:?}", cache.put("b", 20)); // only a new value for b
    println!("a: {:?}, b: {:?}", cache.get(&"a"), cache.get(&"b"));
}
