use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    // ANCHOR: body
    let counter = Arc::new(Mutex::new(0u64));

    let workers: Vec<_> = (0..4)
        .map(|_| {
            let counter = Arc::clone(&counter);
            thread::spawn(move || {
                for _ in 0..1000 {
                    *counter.lock().unwrap() += 1; // lock, add, unlock at `;`
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }

    println!("counter = {}", counter.lock().unwrap());
    // ANCHOR_END: body
}
