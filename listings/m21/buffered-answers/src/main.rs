use crossbeam::channel::bounded;
use std::thread;

fn main() {
    // ANCHOR: body
    const REPLICAS: u32 = 3;
    // One slot per sender: every send completes at once.
    let (tx, rx) = bounded::<u32>(REPLICAS as usize);
    let handles: Vec<_> = (1..=REPLICAS)
        .map(|replica| {
            let tx = tx.clone();
            thread::spawn(move || tx.send(replica * 100).unwrap())
        })
        .collect();
    drop(tx);

    let _first = rx.recv().unwrap();
    println!("first answer received");
    // Even though `rx` is still alive and never read again, every thread ends.
    for h in handles {
        h.join().unwrap();
    }
    // ANCHOR_END: body
    println!(
        "all {REPLICAS} replica threads finished, {} answers left unread",
        rx.len()
    );
}
