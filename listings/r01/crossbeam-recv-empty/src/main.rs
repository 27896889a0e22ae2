use crossbeam::channel;

fn main() {
    // ANCHOR: body
    let (tx, rx) = channel::unbounded::<i32>();
    println!("receiving from an empty channel, sender alive...");
    let v = rx.recv(); // blocks: empty, and `tx` is alive
    // ANCHOR_END: body
    drop(tx); // never reached; keeps `tx` alive until here
    println!("{v:?}");
}
