use std::sync::mpsc::sync_channel;

fn main() {
    // ANCHOR: body
    // Capacity 0: a send completes only when a receiver takes the value.
    let (tx, rx) = sync_channel::<u64>(0);
    println!("sending the result");
    // Blocks forever. `rx` is alive (it is dropped only at the end of main),
    // so the send is not failed with an error either.
    tx.send(42).unwrap();
    println!("never printed: {:?}", rx.recv());
    // ANCHOR_END: body
}
