use std::sync::mpsc;

fn main() {
    // ANCHOR: body
    let (tx, rx) = mpsc::sync_channel::<i32>(0);

    println!("sending 1 on a capacity-0 channel...");
    tx.send(1).unwrap(); // waits for a receiver that will never come
    println!("never printed");

    // The receiver exists (so the send does not fail) but nobody calls recv.
    drop(rx);
    // ANCHOR_END: body
}
