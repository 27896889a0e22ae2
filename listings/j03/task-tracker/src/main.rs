use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio_util::task::TaskTracker;

#[tokio::main]
async fn main() {
    let tracker = TaskTracker::new();
    let finished = Arc::new(AtomicUsize::new(0));

    for _ in 0..3 {
        let finished = Arc::clone(&finished);
        tracker.spawn(async move {
            tokio::time::sleep(Duration::from_millis(100)).await;
            finished.fetch_add(1, Ordering::Relaxed);
        });
    }

    tracker.close(); // no more tasks will be added…
    tracker.wait().await; // …so this returns once the three have finished

    let done = finished.load(Ordering::Relaxed);
    println!("{done} of 3 tasks finished");
    println!("main done");
}
