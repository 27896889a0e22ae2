use std::future::pending;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use tokio::runtime::Runtime;

struct Loud(&'static str);

impl Drop for Loud {
    fn drop(&mut self) {
        println!("dropped: {}", self.0);
    }
}

// ANCHOR: body
fn main() {
    let rt = Runtime::new().unwrap();

    let guard = Loud("a task waiting forever");
    rt.spawn(async move {
        let _guard = guard;
        pending::<()>().await;
    });

    let finished = Arc::new(AtomicBool::new(false));
    let (started_tx, started_rx) = mpsc::channel();
    let f = Arc::clone(&finished);
    rt.spawn_blocking(move || {
        started_tx.send(()).unwrap();
        // Plain blocking work: nothing can interrupt it.
        let sum: u64 = (0..1_000_000u64).sum();
        f.store(sum > 0, Ordering::SeqCst);
    });
    started_rx.recv().unwrap(); // the blocking task is running now

    println!("dropping the runtime");
    drop(rt); // drops every task at its current await, then waits for blocking tasks
    println!(
        "runtime gone; blocking task ran to the end: {}",
        finished.load(Ordering::SeqCst)
    );
}
// ANCHOR_END: body
