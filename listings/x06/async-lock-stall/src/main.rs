use std::sync::Arc;
use tokio::sync::{Mutex, oneshot};

// ANCHOR: body
#[tokio::main(flavor = "current_thread")]
async fn main() {
    let cache = Arc::new(Mutex::new(Vec::<u32>::new()));
    let (refreshed_tx, refreshed_rx) = oneshot::channel();

    let c = Arc::clone(&cache);
    let refresher = tokio::spawn(async move {
        let mut entries = c.lock().await; // waits for main's guard
        entries.push(42);
        let _ = refreshed_tx.send(());
    });

    let guard = cache.lock().await;
    println!("holding the cache lock, waiting for the refresh");
    refreshed_rx.await.unwrap(); // the refresher needs the lock we hold
    println!("never printed: {} entries", guard.len());
    drop(guard);
    refresher.await.unwrap();
}
// ANCHOR_END: body
