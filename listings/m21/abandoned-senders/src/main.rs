use crossbeam::channel::{Receiver, bounded};
use std::thread;

// ANCHOR: body
fn query_replicas() -> (u32, Receiver<u32>) {
    let (tx, rx) = bounded::<u32>(0); // rendezvous, like Go's make(chan int)
    for replica in 1..=3 {
        let tx = tx.clone();
        thread::spawn(move || {
            let answer = replica * 100; // pretend to ask a replica
            tx.send(answer).unwrap(); // the losers wait here
        });
    }
    let first = rx.recv().unwrap();
    // BUG: the Receiver escapes (here: returned to be "reused later").
    (first, rx)
}

fn main() {
    let (_answer, _kept) = query_replicas();
    println!("first answer received");
    // A server keeps running; the two losing replica threads never end.
    loop {
        thread::park();
    }
}
// ANCHOR_END: body
