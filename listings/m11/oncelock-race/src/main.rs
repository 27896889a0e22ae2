use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Barrier, LazyLock, OnceLock};
use std::thread;

// ANCHOR: oncelock
#[derive(Debug)]
struct Config {
    endpoint: String,
}

static CONFIG_INITS: AtomicUsize = AtomicUsize::new(0);
static CONFIG: OnceLock<Config> = OnceLock::new();

/// Go: `once.Do(func() { cfg = load() }); return cfg` -- but the value lives
/// inside the cell, so nobody can read it before it is initialised.
fn config() -> &'static Config {
    CONFIG.get_or_init(|| {
        CONFIG_INITS.fetch_add(1, Ordering::Relaxed);
        Config {
            endpoint: String::from("https://example.invalid/api"),
        }
    })
}
// ANCHOR_END: oncelock

// ANCHOR: lazylock
static PORT_INITS: AtomicUsize = AtomicUsize::new(0);
/// The initialiser is attached to the static itself; the first deref runs it.
static PORTS: LazyLock<HashMap<&str, u16>> = LazyLock::new(|| {
    PORT_INITS.fetch_add(1, Ordering::Relaxed);
    HashMap::from([("http", 80), ("https", 443)])
});
// ANCHOR_END: lazylock

fn main() {
    // ANCHOR: race
    let start = Barrier::new(8);
    let addresses: Vec<usize> = thread::scope(|s| {
        let handles: Vec<_> = (0..8)
            .map(|_| {
                s.spawn(|| {
                    start.wait(); // release all eight at once
                    let cfg = config();
                    assert!(cfg.endpoint.starts_with("https://"));
                    let _ = PORTS["http"];
                    std::ptr::from_ref(cfg) as usize
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let same = addresses.iter().all(|&a| a == addresses[0]);
    println!(
        "OnceLock: initialiser ran {} time(s); \
         {} threads saw one value at one address: {same}",
        CONFIG_INITS.load(Ordering::Relaxed),
        addresses.len()
    );
    println!(
        "LazyLock: initialiser ran {} time(s); port of https = {}",
        PORT_INITS.load(Ordering::Relaxed),
        PORTS["https"]
    );
    // ANCHOR_END: race
}
