use crossbeam::channel;

fn main() {
    // ANCHOR: body
    let (tx, rx) = channel::bounded::<i32>(1);
    println!("receiving from an empty bounded(1) channel, sender alive...");
    let v = rx.recv(); // blocks: empty, and `tx` is alive
    // ANCHOR_END: body
    drop(tx); // never reached; keeps `tx` alive until here
    println!("{v:?}");
}
