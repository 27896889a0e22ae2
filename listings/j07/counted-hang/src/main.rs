use std::sync::mpsc;
use std::thread;

fn work(id: u32) -> Option<u32> {
    if id == 1 { None } else { Some(id + 100) }
}

fn main() {
    // ANCHOR: body
    let (tx, rx) = mpsc::channel::<u32>();
    for id in 0..3 {
        let tx = tx.clone();
        thread::spawn(move || {
            if let Some(result) = work(id) {
                tx.send(result).unwrap();
            }
        });
    }
    // No `drop(tx)` this time.

    for n in 1..=3 {
        let _v = rx.recv().unwrap(); // the third call never returns
        println!("got result {n} of 3");
    }
    // ANCHOR_END: body
    drop(tx);
}
