use std::sync::atomic::{AtomicU64, Ordering};

fn main() {
    let hits = AtomicU64::new(0);
    hits.fetch_add(1, Ordering::Relaxed);

    // ANCHOR: bug
    // Go accepts `hits++` next to `atomic.AddInt64(&hits, 1)`: a data race.
    hits += 1;
    // ANCHOR_END: bug
    println!("{}", hits.load(Ordering::Relaxed));
}
