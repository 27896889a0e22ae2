//! C02 · A wrong cache: `get` reads the value and forgets to record the use.
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

    // ANCHOR: get
    pub fn get(&self, key: &K) -> Option<V> {
        let inner = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        // BUG: a read is a use too. Without a new stamp, an entry read a
        // moment ago is still "old" and is the first to be evicted.
        inner.entries.get(key).map(|(value, _)| value.clone())
    }
    // ANCHOR_END: get

    pub fn put(&self, key: K, value: V) -> Option<(K, V)> {
        let mut guard = self.inner.lock().unwrap_or_else(PoisonError::into_inner);
        let inner = &mut *guard;
        let now = inner.stamp();
        if let Some((old, stamp)) = inner.entries.get_mut(&key) {
            // A replace: same number of entries, nothing to evict.
            *old = value;
            let key = inner.by_use.remove(stamp).expect("every entry is indexed");
            *stamp = now;
            inner.by_use.insert(now, key);
            return None;
        }
        let evicted = if inner.entries.len() == self.capacity {
            let (_, oldest) = inner.by_use.pop_first().expect("a full cache is not empty");
            let (old_value, _) = inner.entries.remove(&oldest).expect("indexed keys exist");
            Some((oldest, old_value))
        } else {
            None
        };
        inner.entries.insert(key.clone(), (value, now));
        inner.by_use.insert(now, key);
        evicted
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
