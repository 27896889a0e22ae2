use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;

const LIMIT: usize = 3;

#[tokio::main]
async fn main() {
    // ANCHOR: limit
    let semaphore = Arc::new(Semaphore::new(LIMIT));
    let running = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));

    let mut tasks = JoinSet::new();
    let mut finished = Vec::new();
    for id in 0..10 {
        // Acquire *before* spawning (Go: `sem <- struct{}{}` before `go`): the
        // loop itself waits, so at most LIMIT tasks run at a time.
        let permit = Arc::clone(&semaphore).acquire_owned().await.unwrap();
        // Finished tasks stay in the JoinSet until joined: reap them as we go.
        while let Some(done) = tasks.try_join_next() {
            finished.push(done.unwrap());
        }
        let (running, peak) = (Arc::clone(&running), Arc::clone(&peak));
        tasks.spawn(async move {
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            peak.fetch_max(now, Ordering::SeqCst);
            tokio::time::sleep(Duration::from_millis(10)).await; // the "work"
            running.fetch_sub(1, Ordering::SeqCst);
            drop(permit); // also released if the task panics or is aborted
            id
        });
    }
    while let Some(done) = tasks.join_next().await {
        finished.push(done.unwrap());
    }
    // ANCHOR_END: limit

    finished.sort_unstable();
    println!("finished tasks: {finished:?}");
    println!(
        "peak concurrency <= {LIMIT}: {}",
        peak.load(Ordering::SeqCst) <= LIMIT
    );
    println!("permits available again: {}", semaphore.available_permits());
}
