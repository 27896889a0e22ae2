use std::sync::atomic::{AtomicU64, Ordering};
use std::thread;

// ANCHOR: counter
// Go: var hits atomic.Int64; hits.Add(1)
static HITS: AtomicU64 = AtomicU64::new(0);

fn main() {
    thread::scope(|s| {
        for _ in 0..8 {
            s.spawn(|| {
                for _ in 0..10_000 {
                    // One indivisible read-modify-write. Relaxed is enough: the
                    // counter publishes no other data, and the scope's join
                    // makes every increment visible to main afterwards.
                    HITS.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    println!("hits = {}", HITS.load(Ordering::Relaxed));
}
// ANCHOR_END: counter
