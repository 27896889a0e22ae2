use std::sync::mpsc;

fn main() {
    // ANCHOR: body
    // Like Go's make(chan i32, 2).
    let (tx, rx) = mpsc::sync_channel::<i32>(2);

    // try_recv never blocks: it either takes a value or says why it could not.
    println!("open, nothing buffered:   {:?}", rx.try_recv());

    tx.send(1).unwrap();
    println!("after send(1):            {:?}", rx.try_recv());
    println!("drained again:            {:?}", rx.try_recv());

    // Go's close(ch) is "drop every Sender". A value sent before that is still delivered.
    tx.send(2).unwrap();
    drop(tx);
    println!("send(2), then drop(tx):   {:?}", rx.try_recv());
    println!("closed and drained:       {:?}", rx.try_recv());

    // The blocking receive reports the same state as an error instead of waiting.
    println!("blocking recv() now:      {:?}", rx.recv());
    // ANCHOR_END: body
}
