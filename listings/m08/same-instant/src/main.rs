use std::future::pending;
use std::time::Duration;

use tokio::time::{Instant, timeout, timeout_at};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: body
    let start = Instant::now();
    let never = pending::<()>; // a future that never completes

    // Relative: "100 ms from now". The deadline is fixed here, when the
    // timeout is created, not when it is first awaited.
    let a = timeout(Duration::from_millis(100), never());
    // Absolute: "at this instant", computed by whoever set the budget.
    let b = timeout_at(start + Duration::from_millis(100), never());

    let (a, b) = tokio::join!(a, b); // both wait side by side
    assert!(a.is_err() && b.is_err());
    let t = start.elapsed().as_millis();
    println!("timeout(100ms): gave up at t={t}ms");
    println!("timeout_at(start + 100ms): gave up at t={t}ms");
    // ANCHOR_END: body
}
