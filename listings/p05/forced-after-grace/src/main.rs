use std::time::Duration;

use tokio::signal::unix::{SignalKind, signal};
use tokio::time::{sleep, timeout};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

const GRACE: Duration = Duration::from_millis(1000);

/// Stands for the cleanup a destructor would do: flush a log, remove a pid file.
struct Cleanup;

impl Drop for Cleanup {
    fn drop(&mut self) {
        println!("cleanup ran"); // never printed: `exit` runs no destructors
    }
}

async fn worker(token: CancellationToken) {
    while !token.is_cancelled() {
        sleep(Duration::from_millis(50)).await; // one job
    }
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let _cleanup = Cleanup;
    let mut sigterm = signal(SignalKind::terminate()).expect("a SIGTERM handler");
    let token = CancellationToken::new();
    let tracker = TaskTracker::new();
    for _ in 0..2 {
        tracker.spawn(worker(token.clone()));
    }
    // ANCHOR: ignores
    // A compaction that never looks at the token: an hour-long step, with no await on
    // `token.cancelled()` anywhere in it.
    tracker.spawn(async {
        sleep(Duration::from_secs(3600)).await;
    });
    // ANCHOR_END: ignores
    tokio::task::yield_now().await;
    println!("serving: 2 workers and a compaction");

    // ANCHOR: grace
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
        println!("forcing exit with status 1");
        std::process::exit(1); // no destructors run, on any thread
    }
    // ANCHOR_END: grace
    println!("drained: exit status 0");
}
