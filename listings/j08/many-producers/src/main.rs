use std::sync::mpsc;
use std::thread;

fn main() {
    // ANCHOR: body
    let (tx, rx) = mpsc::channel::<String>();

    for p in 0..3 {
        let tx = tx.clone(); // one Sender per producer
        thread::spawn(move || {
            for item in 0..2 {
                tx.send(format!("producer {p} item {item}")).unwrap();
            }
        }); // this producer's Sender is dropped here
    }
    drop(tx); // main is not a producer: give up its Sender

    let mut total = 0;
    for msg in rx {
        println!("{msg}");
        total += 1;
    }
    // Nobody called "close": the last Sender to be dropped closed the channel.
    println!("closed after {total} items");
    // ANCHOR_END: body
}
