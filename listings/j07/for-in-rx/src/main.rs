use std::sync::mpsc;
use std::thread;

fn main() {
    // ANCHOR: body
    let (tx, rx) = mpsc::channel::<u32>();

    // `tx` moves into the producer; it is dropped when the closure returns.
    let producer = thread::spawn(move || {
        for i in 0..5 {
            tx.send(i).unwrap();
        }
    });

    for v in rx {
        // `for v in rx` is `while let Ok(v) = rx.recv()`
        println!("got {v}");
    }
    println!("every Sender is gone: the loop ended");
    producer.join().unwrap();
    // ANCHOR_END: body
}
