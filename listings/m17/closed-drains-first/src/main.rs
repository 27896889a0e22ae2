use crossbeam::channel::bounded;

fn main() {
    let (tx, rx) = bounded::<i32>(2);
    tx.send(7).unwrap();
    tx.send(8).unwrap();
    // Go's close(ch): the last (and only) Sender goes away.
    drop(tx);

    // ANCHOR: body
    // The buffer is drained first; only then does the receiver see the close.
    println!("{:?}", rx.recv());
    println!("{:?}", rx.recv());
    // From now on every receive returns at once with an error: it never blocks.
    println!("{:?}", rx.recv());
    println!("{:?}", rx.recv());
    // ANCHOR_END: body
}
