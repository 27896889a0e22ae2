use std::time::Duration;

use tokio::signal::unix::{SignalKind, signal};
use tokio::time::timeout;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

const GRACE: Duration = Duration::from_millis(1000);

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mut sigterm = signal(SignalKind::terminate()).expect("a SIGTERM handler");
    let token = CancellationToken::new();
    let tracker = TaskTracker::new();
    // ANCHOR: blocking
    // A synchronous export on the blocking pool: it never checks the token.
    let export =
        tokio::task::spawn_blocking(|| std::thread::sleep(Duration::from_secs(3600)));
    tracker.spawn(export);
    // ANCHOR_END: blocking
    tokio::task::yield_now().await;
    println!("serving: 1 blocking export");

    // ANCHOR: returns
    sigterm.recv().await;
    println!("SIGTERM: no new jobs");
    token.cancel();
    tracker.close();
    if timeout(GRACE, tracker.wait()).await.is_err() {
        let stuck = tracker.len();
        println!(
            "grace period ({} ms) over: {stuck} task still running",
            GRACE.as_millis()
        );
    }
    println!("returning from main");
    // `#[tokio::main]` now drops the runtime, and the drop waits for the blocking thread.
    // ANCHOR_END: returns
}
