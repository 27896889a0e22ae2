use std::sync::{Arc, RwLock};
use std::thread;

fn main() {
    let lock = Arc::new(RwLock::new(0_u32));

    // ANCHOR: recursive_read
    let first = lock.read().unwrap();

    let for_writer = Arc::clone(&lock);
    let writer = thread::spawn(move || {
        *for_writer.write().unwrap() += 1; // queues behind `first`
    });

    // Wait (without sleeping) until the writer has queued. On Linux, std then
    // refuses new readers, so `try_read` starts failing. Other platforms may
    // let readers in ahead of a waiting writer.
    while let Ok(extra) = lock.try_read() {
        drop(extra);
        thread::yield_now();
    }
    println!("a writer is queued: try_read now refuses new readers");

    let second = lock.read().unwrap(); // waits for the writer, which waits for `first`
    // ANCHOR_END: recursive_read
    println!("unreachable: {} {}", *first, *second);
    writer.join().unwrap();
}
