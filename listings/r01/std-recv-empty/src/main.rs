use std::sync::mpsc;

fn main() {
    // ANCHOR: body
    let (tx, rx) = mpsc::sync_channel::<i32>(1);
    println!("receiving from an empty sync_channel(1), sender alive...");
    let v = rx.recv(); // blocks: empty, and `tx` is alive
    // ANCHOR_END: body
    drop(tx); // never reached; keeps `tx` alive until here
    println!("{v:?}");
}
