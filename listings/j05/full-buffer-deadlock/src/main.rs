use std::sync::mpsc;

fn main() {
    // ANCHOR: body
    let (tx, rx) = mpsc::sync_channel::<i32>(2);

    tx.send(1).unwrap();
    println!("sent 1");
    tx.send(2).unwrap();
    println!("sent 2");

    println!("sending 3...");
    tx.send(3).unwrap(); // the buffer is full and nobody receives: blocks forever
    println!("sent 3");

    // `rx` is alive until here, so the send above waits instead of failing.
    drop(rx);
    // ANCHOR_END: body
}
