use std::time::Duration;
use tokio::sync::mpsc::{self, error::TrySendError};
use tokio::time::timeout;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: body
    let (tx, mut rx) = mpsc::channel::<i32>(2);
    let r = tx.send(1).await; // room in the buffer
    println!("send, room in the buffer:       {r:?}");
    tx.send(2).await.unwrap();
    match tx.try_send(3) {
        Err(TrySendError::Full(v)) => {
            println!("try_send, buffer full:          Err(Full), {v} came back")
        }
        other => println!("try_send, buffer full:          {other:?}"),
    }
    let waited = timeout(Duration::from_secs(1), tx.send(3)).await;
    println!(
        "send, buffer full:              still waiting after 1 s: {}",
        waited.is_err()
    );
    println!(
        "len, 2 buffered:                {} (capacity left {})",
        rx.len(),
        tx.capacity()
    );
    while rx.try_recv().is_ok() {}
    println!("try_recv, empty, sender alive:  {:?}", rx.try_recv());
    let waited = timeout(Duration::from_secs(1), rx.recv()).await;
    println!(
        "recv, empty, sender alive:      still waiting after 1 s: {}",
        waited.is_err()
    );

    drop(rx); // the only receiver hangs up
    match tx.send(5).await {
        Err(mpsc::error::SendError(v)) => {
            println!("send, receiver dropped:         Err(SendError), {v} came back")
        }
        Ok(()) => println!("send, receiver dropped:         Ok"),
    }

    let (tx, mut rx) = mpsc::channel::<i32>(2);
    tx.send(8).await.unwrap();
    drop(tx); // every sender gone, one value left
    println!("recv, senders dropped, 1 left:  {:?}", rx.recv().await);
    println!(
        "recv, senders dropped, drained: {:?}, at once",
        rx.recv().await
    );
    println!("try_recv, senders dropped:      {:?}", rx.try_recv());
    // ANCHOR_END: body
}
