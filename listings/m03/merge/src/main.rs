use crossbeam::channel::{Receiver, unbounded};
use std::thread;

fn source(values: Vec<u32>) -> Receiver<u32> {
    let (tx, rx) = unbounded();
    thread::spawn(move || {
        for v in values {
            tx.send(v).unwrap();
        }
    });
    rx
}

// ANCHOR: merge
/// Go's `merge(cs ...<-chan int) <-chan int`, without the WaitGroup and the
/// goroutine that closes `out` after `wg.Wait()`.
fn merge<T: Send + 'static>(inputs: Vec<Receiver<T>>) -> Receiver<T> {
    let (tx, rx) = unbounded();
    for input in inputs {
        let tx = tx.clone();
        thread::spawn(move || {
            for v in input {
                if tx.send(v).is_err() {
                    break; // the consumer hung up: stop forwarding
                }
            }
        }); // this forwarder's Sender is dropped here
    }
    rx // the original `tx` is dropped here: only forwarders hold Senders now
}
// ANCHOR_END: merge

fn main() {
    // ANCHOR: main
    let merged = merge(vec![
        source(vec![1, 2, 3]),
        source(vec![10, 20]),
        source(vec![100]),
    ]);
    let mut all: Vec<u32> = merged.iter().collect(); // ends when all forwarders are done
    all.sort_unstable();
    println!("merged (sorted): {all:?}");
    println!("merged channel closed on its own");
    // ANCHOR_END: main
}
