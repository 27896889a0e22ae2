use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, mpsc};
use std::thread;

const THREADS: u64 = 4;
const N: u64 = 1000;

/// The numbers thread `t` is responsible for: every fourth number, starting at `t + 1`.
fn share(t: u64) -> impl Iterator<Item = u64> {
    (t + 1..=N).step_by(THREADS as usize)
}

/// 1. Shared state behind one lock: every update happens inside the critical section.
fn with_mutex() -> u64 {
    let total = Mutex::new(0);
    thread::scope(|s| {
        for t in 0..THREADS {
            let total = &total;
            s.spawn(move || {
                for n in share(t) {
                    *total.lock().unwrap() += n;
                }
            });
        }
    });
    total.into_inner().unwrap()
}

/// 2. A single word updated with an atomic read-modify-write: no lock at all.
fn with_atomic() -> u64 {
    let total = AtomicU64::new(0);
    thread::scope(|s| {
        for t in 0..THREADS {
            let total = &total;
            s.spawn(move || {
                for n in share(t) {
                    total.fetch_add(n, Ordering::Relaxed);
                }
            });
        }
    });
    // The scope has joined every thread, so this load sees all the additions.
    total.into_inner()
}

/// 3. Confinement: one owner holds the total; the others send it numbers.
fn with_channel() -> u64 {
    let (tx, rx) = mpsc::channel();
    for t in 0..THREADS {
        let tx = tx.clone();
        thread::spawn(move || {
            for n in share(t) {
                tx.send(n).unwrap();
            }
        });
    }
    drop(tx); // the loop below ends once every worker's Sender is gone
    let mut total = 0; // only this thread ever touches `total`
    for n in rx {
        total += n;
    }
    total
}

/// 4. Nothing shared while working: each thread returns its own partial sum.
fn with_partial_sums() -> u64 {
    thread::scope(|s| {
        let handles: Vec<_> = (0..THREADS)
            .map(|t| s.spawn(move || share(t).sum::<u64>()))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).sum()
    })
}

fn main() {
    println!("mutex:        {}", with_mutex());
    println!("atomic:       {}", with_atomic());
    println!("channel:      {}", with_channel());
    println!("partial sums: {}", with_partial_sums());
}
