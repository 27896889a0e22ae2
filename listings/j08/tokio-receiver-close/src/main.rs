use tokio::sync::mpsc;

#[tokio::main]
async fn main() {
    // ANCHOR: body
    let (tx, mut rx) = mpsc::channel::<u32>(4);
    tx.send(1).await.unwrap();
    tx.send(2).await.unwrap();

    rx.close(); // the receiver says "no more, please"

    let err = tx.send(3).await.unwrap_err();
    println!("send after close: Err({err:?}), and {} came back", err.0);
    println!("tx.is_closed() = {}", tx.is_closed());

    // Closing did not throw away what was already queued.
    println!("recv: {:?}", rx.recv().await);
    println!("recv: {:?}", rx.recv().await);
    println!("recv: {:?}", rx.recv().await); // closed and drained
    // ANCHOR_END: body
}
