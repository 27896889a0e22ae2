use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use tokio::sync::oneshot;

// ANCHOR: body
#[tokio::main]
async fn main() {
    let release = Arc::new(AtomicBool::new(false));
    let after_await = Arc::new(AtomicBool::new(false));
    let (started_tx, started_rx) = oneshot::channel();

    let (r, a) = (Arc::clone(&release), Arc::clone(&after_await));
    let handle = tokio::spawn(async move {
        let _ = started_tx.send(());
        while !r.load(Ordering::SeqCst) {
            std::hint::spin_loop(); // computation with no `.await` in it
        }
        println!("the loop ran to its end although abort was called");
        tokio::task::yield_now().await; // the first point where abort can act
        a.store(true, Ordering::SeqCst);
    });

    started_rx.await.unwrap(); // the task is running on a worker now
    handle.abort();
    release.store(true, Ordering::SeqCst); // let the loop finish
    let result = handle.await;
    println!(
        "join result cancelled: {}",
        result.unwrap_err().is_cancelled()
    );
    println!(
        "code after the await ran: {}",
        after_await.load(Ordering::SeqCst)
    );
}
// ANCHOR_END: body
