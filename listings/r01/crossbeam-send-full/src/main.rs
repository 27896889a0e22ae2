use crossbeam::channel;

fn main() {
    // ANCHOR: body
    let (tx, rx) = channel::bounded::<i32>(1);
    tx.send(1).unwrap(); // takes the only slot
    println!("sending into a full bounded(1) channel...");
    tx.send(2).unwrap(); // blocks: full, and the receiver is alive
    // ANCHOR_END: body
    drop(rx); // never reached; keeps `rx` alive until here
}
