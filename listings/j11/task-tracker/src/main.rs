use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use tokio::sync::Barrier;
use tokio_util::task::TaskTracker;

#[tokio::main]
async fn main() {
    // ANCHOR: body
    let tracker = TaskTracker::new();
    let handled = Arc::new(AtomicUsize::new(0));
    // The tasks wait at this barrier until main has looked at the tracker,
    // so the count printed below is always 3.
    let gate = Arc::new(Barrier::new(4));

    for _ in 0..3 {
        let handled = Arc::clone(&handled);
        let gate = Arc::clone(&gate);
        tracker.spawn(async move {
            gate.wait().await;
            handled.fetch_add(1, Ordering::Relaxed);
        });
    }
    println!("tracked tasks still running or queued: {}", tracker.len());
    gate.wait().await;

    // Without close(), wait() would never return: more tasks could still be spawned.
    tracker.close();
    tracker.wait().await;
    println!(
        "all tasks finished: {} requests handled",
        handled.load(Ordering::Relaxed)
    );
    println!("tracker empty: {}", tracker.is_empty());
    // ANCHOR_END: body
}
