use std::sync::mpsc;
use std::thread;

fn main() {
    // Capacity 0: a send waits until a receiver takes the value (a rendezvous).
    let (done_tx, done_rx) = mpsc::sync_channel::<()>(0);

    thread::spawn(move || {
        println!("worker done");
        done_tx.send(()).unwrap(); // the message carries no data, only "now"
    });

    done_rx.recv().unwrap(); // blocks until the worker has sent
    println!("main continues");
}
