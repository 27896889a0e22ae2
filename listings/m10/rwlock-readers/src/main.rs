use std::collections::BTreeMap;
use std::sync::{Barrier, RwLock};
use std::thread;

fn main() {
    let config = RwLock::new(BTreeMap::from([("timeout_ms", 100), ("version", 1)]));

    // ANCHOR: shared
    // Two readers each take a read guard and then wait for the other at a
    // barrier. They can only get past it if both are inside at once; with a
    // Mutex in place of the RwLock this part would deadlock.
    let both_inside = Barrier::new(2);
    let seen: Vec<i32> = thread::scope(|s| {
        let readers: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    let cfg = config.read().unwrap();
                    both_inside.wait();
                    cfg["timeout_ms"]
                })
            })
            .collect();
        readers.into_iter().map(|r| r.join().unwrap()).collect()
    });
    println!(
        "two readers held the read lock at the same time; both saw timeout_ms = {}",
        seen[0]
    );
    // ANCHOR_END: shared

    // ANCHOR: writer
    // One writer changes two related fields under one write guard; four
    // readers check that they never see one field changed without the other.
    let (reads, torn) = thread::scope(|s| {
        s.spawn(|| {
            let mut cfg = config.write().unwrap();
            cfg.insert("timeout_ms", 250);
            cfg.insert("version", 2);
            cfg.insert("retries", 3);
        });
        let readers: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    let mut torn = 0;
                    for _ in 0..1000 {
                        let cfg = config.read().unwrap();
                        let consistent = matches!(
                            (cfg["version"], cfg["timeout_ms"]),
                            (1, 100) | (2, 250)
                        );
                        if !consistent {
                            torn += 1;
                        }
                    }
                    (1000, torn)
                })
            })
            .collect();
        readers
            .into_iter()
            .map(|r| r.join().unwrap())
            .fold((0, 0), |acc, (r, t)| (acc.0 + r, acc.1 + t))
    });
    println!("reads: {reads}, torn reads: {torn}");
    println!("final config: {:?}", config.read().unwrap());
    // ANCHOR_END: writer
}
