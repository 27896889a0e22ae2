use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};

/// One call to the downstream (a database insert, an fsync, a network round trip):
/// 5 ms per call, whatever the number of records in it.
async fn write(_records: &[u32]) {
    sleep(Duration::from_millis(5)).await;
}

// ANCHOR: batch
/// Sends 100 records through a capacity-64 queue to a writer that takes up to
/// `max_batch` records per call; returns (calls, batch sizes, virtual ms).
async fn run(max_batch: usize) -> (usize, Vec<usize>, u128) {
    let (tx, mut rx) = mpsc::channel::<u32>(64);
    let start = Instant::now();
    let writer = tokio::spawn(async move {
        let mut sizes = Vec::new();
        let mut buf = Vec::with_capacity(max_batch);
        // recv_many waits for at least one record, then takes what is already
        // queued, up to the limit: batches grow only when records pile up.
        while rx.recv_many(&mut buf, max_batch).await > 0 {
            write(&buf).await;
            sizes.push(buf.len());
            buf.clear();
        }
        sizes
    });
    for r in 0..100 {
        tx.send(r).await.unwrap(); // waits while the queue is full
    }
    drop(tx);
    let sizes = writer.await.unwrap();
    (sizes.len(), sizes, start.elapsed().as_millis())
}
// ANCHOR_END: batch

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let (calls, _, ms) = run(1).await;
    println!("one record per call: {calls} calls, {ms} ms");
    let (calls, sizes, ms) = run(32).await;
    println!("up to 32 per call:   {calls} calls {sizes:?}, {ms} ms");
}
