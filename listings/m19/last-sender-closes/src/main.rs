use crossbeam::channel::unbounded;
use std::thread;

fn main() {
    // ANCHOR: body
    let (tx, rx) = unbounded::<u32>();
    thread::scope(|s| {
        for id in 1..=3 {
            let tx = tx.clone(); // each producer owns its own handle
            s.spawn(move || {
                for n in 0..id {
                    tx.send(id * 10 + n).unwrap();
                }
                println!("producer {id} done");
                // `tx` is dropped here: this producer's share of "close".
            });
        }
        drop(tx); // main's handle too, or the channel could never close

        // Ends when the *last* Sender is gone, whichever producer that is.
        let count = rx.iter().count();
        println!("consumer: channel closed after {count} values");
    });
    // ANCHOR_END: body
}
