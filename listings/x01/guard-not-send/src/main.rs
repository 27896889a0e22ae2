use std::sync::{Arc, Mutex};
use std::thread;

// ANCHOR: body
fn main() {
    let balance = Arc::new(Mutex::new(100));
    let guard = balance.lock().unwrap();
    // Lock on this thread, unlock on another: `MutexGuard` is not `Send`.
    let other = thread::spawn(move || {
        let mut g = guard;
        *g -= 30;
    });
    other.join().unwrap();
    println!("balance = {}", balance.lock().unwrap());
}
// ANCHOR_END: body
