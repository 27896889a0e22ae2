use std::cell::Cell;
use std::sync::Arc;
use std::thread;

// ANCHOR: body
fn main() {
    let flag = Arc::new(Cell::new(false));
    let for_worker = Arc::clone(&flag);
    // `Arc<T>` is `Send` only if `T` is `Send + Sync`: both threads could reach the `Cell`.
    thread::spawn(move || for_worker.set(true)).join().unwrap();
    println!("flag = {}", flag.get());
}
// ANCHOR_END: body
