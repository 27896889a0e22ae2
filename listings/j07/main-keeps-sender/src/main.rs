use std::sync::mpsc;
use std::thread;

fn main() {
    // ANCHOR: body
    let (tx, rx) = mpsc::channel::<u32>();

    for id in 0..3 {
        let tx = tx.clone(); // each worker gets its own Sender...
        thread::spawn(move || tx.send(id * 10).unwrap());
    }
    // ...but the original `tx` still lives here. Missing: `drop(tx);`

    let mut count = 0;
    for _result in &rx {
        count += 1;
        println!("received {count} result(s)");
    }
    println!("never printed: {count}");
    // ANCHOR_END: body
    drop(tx);
}
