use std::sync::mpsc;
use std::thread;

fn main() {
    // ANCHOR: body
    const WORKERS: u64 = 5;
    let (tx, rx) = mpsc::channel::<(u64, u64)>();

    for id in 0..WORKERS {
        let tx = tx.clone();
        thread::spawn(move || tx.send((id, id * id)).unwrap());
    }

    // We know exactly how many values are coming, so we ask for exactly that
    // many. Main still owns `tx`, and that does not matter here.
    let mut sum = 0;
    for _ in 0..WORKERS {
        let (id, square) = rx.recv().unwrap();
        println!("worker {id} sent {square}");
        sum += square;
    }
    println!("sum = {sum}");
    // ANCHOR_END: body
    drop(tx);
}
