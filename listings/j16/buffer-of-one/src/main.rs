use std::sync::mpsc;
use std::thread;

// ANCHOR: body
fn main() {
    let (tx, rx) = mpsc::sync_channel::<i32>(1); // one slot: the only change

    let worker = thread::spawn(move || {
        tx.send(42).unwrap(); // parks 42 in the slot and returns at once
    });

    worker.join().unwrap(); // the worker can finish without us
    println!("received {}", rx.recv().unwrap()); // the value waits in the slot
}
// ANCHOR_END: body
