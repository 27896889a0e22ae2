use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

fn main() {
    // ANCHOR: body
    // `release` plays the part of "the work is slow": the job cannot finish
    // before main lets it, and main lets it only after giving up. So the
    // outcome never depends on how fast the threads happen to run.
    let (release_tx, release_rx) = mpsc::channel::<()>();
    let (result_tx, result_rx) = mpsc::channel::<u64>();

    let worker = thread::spawn(move || {
        release_rx.recv().unwrap(); // ... a long computation ...
        let answer = 42;
        if result_tx.send(answer).is_err() {
            println!("worker: caller gone, result {answer} discarded");
        }
    });

    match result_rx.recv_timeout(Duration::from_millis(50)) {
        Ok(v) => println!("main: result {v}"),
        Err(RecvTimeoutError::Timeout) => {
            println!("main: no result within 50ms, giving up")
        }
        Err(RecvTimeoutError::Disconnected) => println!("main: worker died"),
    }
    drop(result_rx); // stop listening: any later send fails instead of blocking

    release_tx.send(()).unwrap();
    worker.join().unwrap();
    println!("main: worker joined");
    // ANCHOR_END: body
}
