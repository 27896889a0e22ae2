use std::sync::mpsc;

fn main() {
    // ANCHOR: body
    let (tx, rx) = mpsc::channel::<u32>();
    drop(rx);

    tx.send(1).unwrap(); // you asked for it: Err becomes a panic
    // ANCHOR_END: body
}
