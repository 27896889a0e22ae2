use std::sync::mpsc;

fn main() {
    // ANCHOR: body
    let (tx, rx) = mpsc::channel::<i32>();

    drop(tx); // "close"
    tx.send(2).unwrap(); // Go: panic "send on closed channel"; Rust: no binary
    // ANCHOR_END: body

    for v in rx {
        println!("{v}");
    }
}
