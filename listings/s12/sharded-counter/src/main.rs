use crossbeam::utils::CachePadded;
use std::sync::atomic::Ordering::Relaxed;
use std::thread;
use sync::AtomicU64;

/// std's types in the program; loom's under `--cfg loom`, where `tests/model.rs`
/// checks this very code (see CONTRIBUTING, "Model-checking and benchmarking").
mod sync {
    #[cfg(loom)]
    pub use book_model::sync::atomic::AtomicU64;
    #[cfg(not(loom))]
    pub use std::sync::atomic::AtomicU64;
}

// ANCHOR: counter
/// A counter split into shards, each on its own cache line: threads that add to different
/// shards never touch the same line. Reading the total sums every shard.
pub struct ShardedCounter {
    shards: Vec<CachePadded<AtomicU64>>,
}

impl ShardedCounter {
    pub fn new(shards: usize) -> Self {
        ShardedCounter {
            shards: (0..shards)
                .map(|_| CachePadded::new(AtomicU64::new(0)))
                .collect(),
        }
    }

    /// `hint` picks the shard: a thread index, or a hash of the thread id.
    pub fn add(&self, hint: usize, n: u64) {
        self.shards[hint % self.shards.len()].fetch_add(n, Relaxed);
    }

    /// Exact once the adders are joined; while they run, only an estimate: each shard is
    /// read at a different moment, so the sum may be a value the counter never held.
    pub fn total(&self) -> u64 {
        self.shards.iter().map(|s| s.load(Relaxed)).sum()
    }
}
// ANCHOR_END: counter

fn main() {
    // ANCHOR: main
    let counter = ShardedCounter::new(16);
    thread::scope(|s| {
        for t in 0..4 {
            let counter = &counter;
            s.spawn(move || {
                for _ in 0..10_000 {
                    counter.add(t, 1);
                }
            });
        }
    });
    println!("total: {}", counter.total()); // the scope's join orders every add before this
    // ANCHOR_END: main
}
