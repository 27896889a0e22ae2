use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Barrier, Mutex};
use std::thread;

static CALLS: AtomicU32 = AtomicU32::new(0);

fn expensive(key: &str) -> usize {
    CALLS.fetch_add(1, Ordering::Relaxed);
    key.len() * 1000
}

// ANCHOR: body
fn main() {
    let cache: Mutex<HashMap<&str, usize>> = Mutex::new(HashMap::new());
    let barrier = Barrier::new(2);

    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                barrier.wait(); // both threads arrive together, as before
                // Check and insert are one step: one guard covers both.
                let mut map = cache.lock().unwrap();
                map.entry("user:42").or_insert_with(|| expensive("user:42"));
            });
        }
    });

    let calls = CALLS.load(Ordering::Relaxed);
    println!("expensive() ran {calls} time for one key");
}
// ANCHOR_END: body
