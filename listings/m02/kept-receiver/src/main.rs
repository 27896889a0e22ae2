use std::sync::mpsc::{self, Receiver, Sender};
use std::thread::{self, JoinHandle};
use std::time::Duration;

// ANCHOR: body
/// Starts a slow job whose result goes into a channel of the given capacity.
/// Go: `ch := make(chan int, capacity); go func() { ch <- slowWork() }()`.
fn start(capacity: usize) -> (Receiver<u64>, Sender<()>, JoinHandle<()>) {
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let (tx, rx) = mpsc::sync_channel(capacity);
    let worker = thread::spawn(move || {
        release_rx.recv().unwrap(); // the slow part, finished only on release
        let _ = tx.send(42); // capacity 0: waits for a receive that never comes
    });
    (rx, release_tx, worker)
}

fn main() {
    let mut kept = Vec::new(); // e.g. stored in a struct that outlives the request
    let mut workers = Vec::new();
    for capacity in [0, 1] {
        let (rx, release, worker) = start(capacity);
        if rx.recv_timeout(Duration::from_millis(20)).is_err() {
            println!("capacity {capacity}: timed out");
        }
        release.send(()).unwrap(); // the work completes after we gave up
        kept.push(rx); // BUG: the receiver outlives our interest in it
        workers.push(worker);
    }

    let unbuffered = workers.remove(0);
    workers.remove(0).join().unwrap();
    println!("capacity 1: worker put its result in the buffer and exited");
    // Nothing can unblock the first worker while `kept` holds its receiver.
    println!(
        "capacity 0: worker finished: {}",
        if unbuffered.is_finished() {
            "yes"
        } else {
            "no"
        }
    );

    loop {
        thread::park(); // a long-lived process; the leaked thread stays blocked
    }
}
// ANCHOR_END: body
