use std::cell::RefCell;
use std::sync::{Arc, mpsc};
use std::thread;

fn main() {
    // The Rust spelling of Go's `ch <- &buf`: a shared pointer to unguarded data.
    let buf = Arc::new(RefCell::new(Vec::new()));
    let (tx, rx) = mpsc::channel::<Arc<RefCell<Vec<i32>>>>();

    let worker = thread::spawn(move || {
        let shared = rx.recv().unwrap();
        shared.borrow_mut().push(1); // writes through the pointer it received...
    });

    tx.send(Arc::clone(&buf)).unwrap();
    buf.borrow_mut().push(2); // ...while the sender keeps writing too
    worker.join().unwrap();
}
