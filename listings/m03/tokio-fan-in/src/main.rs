use std::time::Duration;

use tokio::sync::mpsc;
use tokio::task::JoinSet;
use tokio::time::sleep;

/// Stands for an I/O call: waits a little, then answers.
async fn fetch_len(url: &'static str) -> usize {
    sleep(Duration::from_millis(10 * url.len() as u64)).await;
    url.len()
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: body
    let urls = ["alpha", "beta!", "pie", "gamma!"];
    let (tx, mut rx) = mpsc::channel::<usize>(4);

    // Fan-out: one task per input.
    let mut tasks = JoinSet::new();
    for url in urls {
        let tx = tx.clone();
        tasks.spawn(async move {
            let len = fetch_len(url).await;
            tx.send(len).await.unwrap();
        });
    }
    drop(tx); // otherwise the loop below would wait forever

    // Fan-in: one receiver for everything. `None` means every Sender is gone.
    let mut lengths = Vec::new();
    while let Some(len) = rx.recv().await {
        lengths.push(len);
    }
    lengths.sort_unstable();
    println!("lengths (sorted): {lengths:?}");

    let joined = tasks.join_all().await.len(); // also surfaces any task panic
    println!("tasks joined: {joined}");
    // ANCHOR_END: body
}
