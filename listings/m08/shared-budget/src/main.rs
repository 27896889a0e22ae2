use std::future::pending;
use std::time::Duration;

use tokio::time::{Instant, sleep, timeout, timeout_at};

async fn step() {
    sleep(Duration::from_millis(40)).await;
}

// ANCHOR: body
/// Each callee gets "100 ms": the clock restarts at every step.
async fn with_duration(budget: Duration) -> Result<String, String> {
    for n in 1..=3 {
        timeout(budget, step())
            .await
            .map_err(|_| format!("step {n} timed out"))?;
    }
    Ok("3 steps".into())
}

/// Each callee gets "until 100 ms after the request arrived": one budget.
async fn with_deadline(deadline: Instant) -> Result<String, String> {
    for n in 1..=3 {
        timeout_at(deadline, step())
            .await
            .map_err(|_| format!("step {n} timed out"))?;
    }
    Ok("3 steps".into())
}

/// A callee that wants its own, longer timeout can only shorten the budget:
/// Go's WithTimeout on a context with an earlier deadline keeps the earlier one.
async fn callee(parent_deadline: Instant, wanted: Duration) -> bool {
    let deadline = parent_deadline.min(Instant::now() + wanted);
    timeout_at(deadline, pending::<()>()).await.is_err()
}
// ANCHOR_END: body

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let budget = Duration::from_millis(100);

    let start = Instant::now();
    let r = with_duration(budget).await;
    let t = start.elapsed().as_millis();
    println!("budget passed as a Duration: {r:?} at t={t}ms (over budget)");

    let start = Instant::now();
    let r = with_deadline(start + budget).await;
    let t = start.elapsed().as_millis();
    println!("budget passed as an Instant: {r:?} at t={t}ms");

    let start = Instant::now();
    let gave_up = callee(start + budget, Duration::from_secs(10)).await;
    assert!(gave_up);
    let t = start.elapsed().as_millis();
    println!("callee asks for 10s inside a 100ms deadline: gave up at t={t}ms");
}
