use std::process::ExitCode;
use std::time::Duration;

use tokio::signal::unix::{SignalKind, signal};
use tokio::time::timeout;
use tokio_util::task::TaskTracker;

const GRACE: Duration = Duration::from_millis(1000);

/// Serves until SIGTERM; returns whether everything drained in time.
async fn serve() -> bool {
    let mut sigterm = signal(SignalKind::terminate()).expect("a SIGTERM handler");
    let tracker = TaskTracker::new();
    let export =
        tokio::task::spawn_blocking(|| std::thread::sleep(Duration::from_secs(3600)));
    tracker.spawn(export);
    tokio::task::yield_now().await;
    println!("serving: 1 blocking export");
    sigterm.recv().await;
    println!("SIGTERM: no new jobs");
    tracker.close();
    let drained = timeout(GRACE, tracker.wait()).await.is_ok();
    if !drained {
        let stuck = tracker.len();
        println!(
            "grace period ({} ms) over: {stuck} task still running",
            GRACE.as_millis()
        );
    }
    drained
}

// ANCHOR: main
fn main() -> ExitCode {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    let drained = runtime.block_on(serve());
    // Instead of the drop's unbounded wait: wait at most this long, then leave the
    // blocking thread behind (it dies with the process).
    runtime.shutdown_timeout(Duration::from_millis(100));
    if drained {
        println!("drained: exit status 0");
        ExitCode::SUCCESS
    } else {
        println!("runtime shut down; the export's thread is abandoned");
        ExitCode::FAILURE
    }
}
// ANCHOR_END: main
