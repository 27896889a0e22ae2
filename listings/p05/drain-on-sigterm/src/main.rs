use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering::Relaxed};
use std::time::Duration;

use tokio::signal::unix::{SignalKind, signal};
use tokio::time::{sleep, timeout};
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

const WORKERS: u32 = 3;
const GRACE: Duration = Duration::from_secs(3);

#[derive(Default)]
struct Jobs {
    started: AtomicU32,
    finished: AtomicU32,
}

// ANCHOR: worker
async fn worker(token: CancellationToken, jobs: Arc<Jobs>) {
    // The token is checked between jobs only: a job that has started runs to its end.
    while !token.is_cancelled() {
        jobs.started.fetch_add(1, Relaxed);
        sleep(Duration::from_millis(50)).await; // the job: a write that takes a while
        jobs.finished.fetch_add(1, Relaxed);
    }
}
// ANCHOR_END: worker

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: main
    // Install the handler before announcing readiness: until then, SIGTERM's default action
    // would end the process on the spot.
    let mut sigterm = signal(SignalKind::terminate()).expect("a SIGTERM handler");
    let token = CancellationToken::new();
    let tracker = TaskTracker::new();
    let jobs = Arc::new(Jobs::default());
    for _ in 0..WORKERS {
        tracker.spawn(worker(token.clone(), Arc::clone(&jobs)));
    }
    tokio::task::yield_now().await; // every worker starts its first job
    println!("serving: {WORKERS} workers busy");

    sigterm.recv().await;
    let (started, finished) = (jobs.started.load(Relaxed), jobs.finished.load(Relaxed));
    println!("SIGTERM: no new jobs, {} in flight", started - finished);
    token.cancel(); // stop taking work
    tracker.close(); // no more tasks: `wait` can now complete
    match timeout(GRACE, tracker.wait()).await {
        Ok(()) => {
            let done_after = jobs.finished.load(Relaxed) - finished;
            let new = jobs.started.load(Relaxed) - started;
            println!("finished after the signal: {done_after}, started after it: {new}");
            println!("drained within the grace period: exit status 0");
        }
        Err(_) => {
            println!("grace period over: {} tasks still running", tracker.len());
            std::process::exit(1);
        }
    }
    // ANCHOR_END: main
}
