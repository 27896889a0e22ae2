use std::sync::{Arc, RwLock};
use std::thread;

struct Config {
    version: u32,
    limits: Vec<u32>, // pretend this is large
}

fn main() {
    // ANCHOR: body
    let current = RwLock::new(Arc::new(Config {
        version: 1,
        limits: vec![10; 100],
    }));
    let snapshot = || Arc::clone(&current.read().unwrap()); // read lock held for one clone
    let all_whole = thread::scope(|s| {
        let readers: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    (0..1000).all(|_| {
                        let config = snapshot(); // then read it with no lock at all
                        let expected = if config.version == 1 { 10 } else { 20 };
                        config.limits.iter().all(|&l| l == expected)
                    })
                })
            })
            .collect();
        // The writer builds the new config outside the lock, then swaps a pointer.
        let next = Arc::new(Config {
            version: 2,
            limits: vec![20; 100],
        });
        *current.write().unwrap() = next;
        readers.into_iter().all(|r| r.join().unwrap())
    });
    // ANCHOR_END: body
    let verdict = if all_whole {
        "every read saw a whole config (version 1 or 2)"
    } else {
        "torn"
    };
    println!("4 readers, 1000 reads each: {verdict}");
    println!("final version: {}", snapshot().version);
}
