use std::sync::{Arc, mpsc};
use std::thread;

fn main() {
    let (tx, rx) = mpsc::channel::<i32>();
    let rx = Arc::new(rx);

    // Two consumers on one std Receiver: Receiver is not Sync, so
    // Arc<Receiver> is not Send.
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let rx = Arc::clone(&rx);
            thread::spawn(move || rx.recv())
        })
        .collect();

    tx.send(1).unwrap();
    tx.send(2).unwrap();
    for worker in workers {
        println!("{:?}", worker.join().unwrap());
    }
}
