use tokio::sync::{mpsc, oneshot};

/// A request carries its own reply channel.
struct Square {
    n: u64,
    reply: oneshot::Sender<u64>,
}

#[tokio::main]
async fn main() {
    let (tx, mut rx) = mpsc::channel::<Square>(4);

    let server = tokio::spawn(async move {
        // `recv` returns None once every Sender is dropped and the queue is empty.
        while let Some(Square { n, reply }) = rx.recv().await {
            let _ = reply.send(n * n); // the asker may have gone; that is fine
        }
        println!("server: every sender is gone, stopping");
    });

    for n in [3, 4] {
        let (reply_tx, reply_rx) = oneshot::channel();
        tx.send(Square { n, reply: reply_tx }).await.unwrap();
        println!("{n} squared is {}", reply_rx.await.unwrap());
    }

    drop(tx);
    server.await.unwrap();
}
