use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::mpsc;

// ANCHOR: body
/// A consumer drains 1 000 queued messages. Returns how many it had received
/// when another task first ran.
async fn drain(budgeted: bool) -> usize {
    let (tx, mut rx) = mpsc::unbounded_channel();
    for i in 0..1000 {
        tx.send(i).unwrap();
    }
    drop(tx);
    let received = Arc::new(AtomicUsize::new(0));

    let counter = received.clone();
    let consumer = tokio::spawn(async move {
        // Every recv() is ready at once: this loop never has to wait.
        loop {
            let msg = if budgeted {
                rx.recv().await
            } else {
                tokio::task::unconstrained(rx.recv()).await
            };
            if msg.is_none() {
                break;
            }
            counter.fetch_add(1, Ordering::Relaxed);
        }
    });
    let counter = received.clone();
    let other = tokio::spawn(async move { counter.load(Ordering::Relaxed) });

    let seen = other.await.unwrap();
    consumer.await.unwrap();
    seen
}

fn main() {
    let rt = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let seen = rt.block_on(drain(true));
    println!("with the coop budget: the other task ran after {seen} of 1000 messages");
    let seen = rt.block_on(drain(false));
    println!("unconstrained: the other task ran after {seen} of 1000 messages");
}
// ANCHOR_END: body
