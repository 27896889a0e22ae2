use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    // ANCHOR: body
    // The counter lives *inside* the mutex: there is no way to touch it unlocked.
    let counter = Arc::new(Mutex::new(0u64));

    let handles: Vec<_> = (0..100)
        .map(|_| {
            let counter = Arc::clone(&counter);
            thread::spawn(move || {
                let mut n = counter.lock().unwrap(); // Lock()
                *n += 1;
            }) // `n` is dropped at the end of the closure: Unlock()
        })
        .collect();

    for h in handles {
        h.join().unwrap();
    }
    println!("Final count: {}", *counter.lock().unwrap());
    // ANCHOR_END: body
}
