use tokio::sync::mpsc;

#[tokio::main]
async fn main() {
    // ANCHOR: sender
    // The sending side asks: is anyone still listening?
    let (tx, rx) = mpsc::channel::<u32>(4);
    println!(
        "sender side, receiver alive:   is_closed = {}",
        tx.is_closed()
    );
    drop(rx);
    println!(
        "sender side, receiver dropped: is_closed = {}",
        tx.is_closed()
    );
    // `closed()` is the waiting form: a producer can select! on it to stop early.
    tx.closed().await;
    println!("sender side, closed() resolved");
    // ANCHOR_END: sender

    // ANCHOR: receiver
    // The receiving side: closed is reported before the buffer is drained.
    let (tx, mut rx) = mpsc::channel::<u32>(4);
    tx.send(1).await.unwrap();
    tx.send(2).await.unwrap();
    drop(tx);
    println!(
        "receiver side, senders dropped: is_closed = {}, len = {}",
        rx.is_closed(),
        rx.len()
    );
    for _ in 0..3 {
        println!("recv: {:?}", rx.recv().await);
    }
    // ANCHOR_END: receiver
}
