use std::thread;

use crossbeam::channel::{Receiver, bounded, select};

// ANCHOR: worker
fn worker(rx: Receiver<i32>) {
    let mut zeros: u64 = 0;
    loop {
        select! {
            recv(rx) -> msg => {
                // Go: `case n := <-ch:` yields 0 from a closed channel. This
                // line copies that: a disconnected channel becomes a 0.
                let n = msg.unwrap_or_default();
                if n != 0 {
                    println!("Received: {n}");
                } else {
                    zeros += 1;
                    if zeros == 1 {
                        // Printed once only; the loop goes on without a pause.
                        let note = "the channel is closed; this repeats forever";
                        println!("Received: 0 ({note})");
                    }
                }
            }
        }
    }
}
// ANCHOR_END: worker

fn main() {
    // ANCHOR: main
    let (tx, rx) = bounded(1);
    let handle = thread::spawn(move || worker(rx));
    tx.send(1).unwrap();
    drop(tx); // Go: close(ch)
    handle.join().unwrap(); // unlike the Go puzzle, main waits: the spin is visible
    // ANCHOR_END: main
}
