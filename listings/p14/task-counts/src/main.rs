use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use tokio::sync::oneshot;

fn os_threads() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("Threads:")).unwrap();
    line["Threads:".len()..].trim().parse().unwrap()
}

// ANCHOR: leak
/// A request handler that starts a background task waiting for a reply that
/// never comes: the sender is stored and forgotten, so the task never ends.
fn handle(pending: &mut Vec<oneshot::Sender<()>>, polled: &Arc<AtomicUsize>) {
    let (tx, rx) = oneshot::channel::<()>();
    pending.push(tx); // the bug: nobody ever sends or drops these
    let polled = Arc::clone(polled);
    tokio::spawn(async move {
        polled.fetch_add(1, Relaxed); // only for the listing: this task has started
        let _ = rx.await;
    });
}
// ANCHOR_END: leak

// ANCHOR: main
fn main() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .build()
        .unwrap();
    let metrics = rt.metrics();
    println!("worker threads (num_workers): {}", metrics.num_workers());
    println!("OS threads (/proc/self/status): {}", os_threads());
    println!(
        "alive tasks before the requests: {}",
        metrics.num_alive_tasks()
    );

    let mut pending = Vec::new();
    let polled = Arc::new(AtomicUsize::new(0));
    rt.block_on(async {
        for _ in 0..100 {
            handle(&mut pending, &polled);
        }
        // Count once every task has been polled: one that could finish would end in
        // that same poll, so the tasks still alive are waiting, not merely unstarted.
        while polled.load(Relaxed) < 100 {
            tokio::task::yield_now().await;
        }
    });
    println!(
        "alive tasks after 100 requests that each leak a task: {}",
        metrics.num_alive_tasks()
    );
    println!("OS threads after the leak: {}", os_threads());

    drop(pending); // each `rx.await` now returns an error and its task ends
    rt.block_on(async {
        // Tasks finish on the worker threads; wait until the count says so.
        while metrics.num_alive_tasks() > 0 {
            tokio::task::yield_now().await;
        }
    });
    println!(
        "alive tasks once the leaked tasks' senders are dropped: {}",
        metrics.num_alive_tasks()
    );
}
// ANCHOR_END: main
