use std::sync::mpsc;
use std::thread;

fn main() {
    // ANCHOR: body
    // Capacity 0: a send succeeds only when the consumer actually takes it.
    let (tx, rx) = mpsc::sync_channel::<u64>(0);

    let producer = thread::spawn(move || {
        let mut sent = 0;
        loop {
            if let Err(e) = tx.send(sent) {
                // The receiver is gone. No panic: just stop producing.
                return (sent, e);
            }
            sent += 1;
        }
    });

    for v in rx.iter().take(3) {
        println!("consumer got {v}");
    }
    println!("consumer: that's enough, dropping the receiver");
    drop(rx);

    let (sent, err) = producer.join().unwrap();
    println!("producer stopped after {sent} sends: Err({err:?})");
    // ANCHOR_END: body
}
