use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Barrier, Mutex};
use std::thread;

static CALLS: AtomicU32 = AtomicU32::new(0);

fn expensive(key: &str) -> usize {
    CALLS.fetch_add(1, Ordering::Relaxed);
    key.len() * 1000 // stands in for a slow computation or a remote call
}

// ANCHOR: body
fn main() {
    let cache: Mutex<HashMap<&str, usize>> = Mutex::new(HashMap::new());
    let barrier = Barrier::new(2);

    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                // Step 1: check. The guard is dropped at the end of this statement.
                let missing = cache.lock().unwrap().get("user:42").is_none();
                // Both threads finish their check before either acts.
                barrier.wait();
                // Step 2: act, under a *second*, separate lock.
                if missing {
                    let value = expensive("user:42");
                    cache.lock().unwrap().insert("user:42", value);
                }
            });
        }
    });

    let calls = CALLS.load(Ordering::Relaxed);
    println!("expensive() ran {calls} times for one key");
}
// ANCHOR_END: body
