use std::sync::mpsc;
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel();

    let producer = thread::spawn(move || {
        for n in 1..=5 {
            tx.send(n).unwrap();
        }
        // `tx` is dropped here. With no Sender left, the channel is closed.
    });

    // The iterator yields values in FIFO order and stops once the channel is
    // closed and empty.
    let received: Vec<i32> = rx.iter().collect();
    producer.join().unwrap();
    println!("{received:?}");
}
