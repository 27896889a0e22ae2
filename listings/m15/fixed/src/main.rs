use std::thread;

use crossbeam::channel::{Receiver, bounded, select};

// ANCHOR: select_fix
fn select_worker(rx: Receiver<i32>) {
    loop {
        select! {
            recv(rx) -> msg => match msg {
                Ok(n) => println!("select worker: Received: {n}"),
                Err(_) => {
                    // Go: `case n, ok := <-ch: if !ok { return }`
                    println!("select worker: Channel closed");
                    return;
                }
            },
        }
    }
}
// ANCHOR_END: select_fix

// ANCHOR: for_fix
fn for_worker(rx: Receiver<i32>) {
    // Go: `for n := range ch`. The loop ends when every sender is gone.
    for n in rx {
        println!("for worker: Received: {n}");
    }
    println!("for worker: Channel closed");
}
// ANCHOR_END: for_fix

fn main() {
    // ANCHOR: main
    for worker in [select_worker, for_worker] {
        let (tx, rx) = bounded(1);
        let handle = thread::spawn(move || worker(rx));
        tx.send(1).unwrap();
        drop(tx);
        handle.join().unwrap(); // the second half of the fix: wait for the worker
    }
    // ANCHOR_END: main
}
