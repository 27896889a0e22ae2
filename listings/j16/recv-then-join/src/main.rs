use std::sync::mpsc;
use std::thread;

// ANCHOR: body
fn main() {
    let (tx, rx) = mpsc::sync_channel::<i32>(0);

    let worker = thread::spawn(move || {
        tx.send(42).unwrap();
    });

    let value = rx.recv().unwrap(); // meet the worker at the rendezvous...
    worker.join().unwrap(); // ...after which it can run to the end
    println!("received {value}");
}
// ANCHOR_END: body
