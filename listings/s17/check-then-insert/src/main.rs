use std::collections::HashMap;
use std::hash::{BuildHasher, Hash};
use std::sync::PoisonError;
use sync::{RandomState, RwLock};

/// std's lock in the program; loom's under `--cfg loom`, where `tests/model.rs`
/// checks this very code (see CONTRIBUTING, "Model-checking and benchmarking").
mod sync {
    #[cfg(loom)]
    pub use book_model::loom::sync::RwLock;
    #[cfg(not(loom))]
    pub use std::sync::RwLock;

    /// std's randomly seeded hasher in the program. loom replays the model many times and
    /// needs every run to be the same program (its documentation: a model must be fully
    /// deterministic), so under `--cfg loom` the hasher has fixed keys and every key lands
    /// in the same shard in every execution.
    #[cfg(not(loom))]
    pub use std::hash::RandomState;
    #[cfg(loom)]
    pub type RandomState = std::hash::BuildHasherDefault<std::hash::DefaultHasher>;
}

/// A map split into shards, each its own `RwLock<HashMap>`: threads that
/// touch different shards never wait for each other.
pub struct ShardedMap<K, V> {
    shards: Vec<RwLock<HashMap<K, V>>>,
    hasher: RandomState,
}

impl<K: Hash + Eq, V: Clone> ShardedMap<K, V> {
    pub fn new(shards: usize) -> Self {
        ShardedMap {
            shards: (0..shards).map(|_| RwLock::new(HashMap::new())).collect(),
            hasher: RandomState::new(),
        }
    }

    /// The same key always hashes to the same shard.
    fn shard(&self, key: &K) -> &RwLock<HashMap<K, V>> {
        let i = self.hasher.hash_one(key) as usize % self.shards.len();
        &self.shards[i]
    }

    pub fn get(&self, key: &K) -> Option<V> {
        let shard = self.shard(key).read();
        shard
            .unwrap_or_else(PoisonError::into_inner)
            .get(key)
            .cloned()
    }

    pub fn insert(&self, key: K, value: V) -> Option<V> {
        let shard = self.shard(&key).write();
        shard
            .unwrap_or_else(PoisonError::into_inner)
            .insert(key, value)
    }

    // ANCHOR: insert
    /// BUG: checks under the read lock, inserts under the write lock. Another
    /// thread can insert the key in between, and both report success.
    pub fn insert_if_absent(&self, key: K, value: V) -> bool {
        if self.get(&key).is_some() {
            return false;
        }
        self.insert(key, value);
        true
    }
    // ANCHOR_END: insert

    /// Locks the shards one after another: concurrent inserts may or may
    /// not be counted, so this is a snapshot, not an invariant.
    pub fn count(&self) -> usize {
        let len = |s: &RwLock<HashMap<K, V>>| {
            s.read().map_or_else(|e| e.into_inner().len(), |m| m.len())
        };
        self.shards.iter().map(len).sum()
    }
}

fn main() {
    // ANCHOR: use
    // One thread at a time: nobody inserts between the check and the insert.
    let map = ShardedMap::new(16);
    let first = map.insert_if_absent(7, "a");
    let second = map.insert_if_absent(7, "b");
    println!("inserted: {first}, {second}; value: {:?}", map.get(&7));
    // ANCHOR_END: use
}
