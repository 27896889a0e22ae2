use std::sync::mpsc::{self, RecvError};
use std::thread;

fn main() {
    let (tx, rx) = mpsc::sync_channel::<u32>(0); // unbuffered, like make(chan uint32)

    let producer = thread::spawn(move || {
        for v in [10, 20, 30] {
            tx.send(v).unwrap();
        }
        // `tx` is dropped here, when the closure returns: that is the "close".
    });

    // ANCHOR: body
    loop {
        match rx.recv() {
            Ok(v) => println!("got {v}"),
            Err(RecvError) => {
                println!("closed: every sender is gone and nothing is left");
                break;
            }
        }
    }
    // ANCHOR_END: body

    producer.join().unwrap();
    println!("producer finished");
}
