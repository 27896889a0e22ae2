use std::sync::Arc;
use tokio::sync::{Mutex, oneshot};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: body
    let buffer = Arc::new(Mutex::new(Vec::<u8>::new()));
    let (flushed_tx, flushed) = oneshot::channel::<()>();

    let flusher = {
        let buffer = buffer.clone();
        tokio::spawn(async move {
            let guard = buffer.lock().await;
            println!("flusher: locked the buffer, waiting for the writer");
            flushed.await.unwrap(); // holds `guard` across this await
            drop(guard);
        })
    };
    tokio::task::yield_now().await; // let the flusher take the lock first
    let writer = tokio::spawn(async move {
        println!("writer: waiting for the buffer");
        buffer.lock().await.extend_from_slice(b"data"); // the flusher holds it
        flushed_tx.send(()).unwrap();
    });
    flusher.await.unwrap();
    writer.await.unwrap();
    // ANCHOR_END: body
}
