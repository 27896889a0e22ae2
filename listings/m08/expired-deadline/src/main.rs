use std::future::ready;
use std::time::Duration;

use tokio::time::{Instant, advance, sleep, timeout_at};

/// Stands for a request handler: it does one step before its first wait.
async fn handler() -> u32 {
    println!("  handler: first step done (a side effect)");
    sleep(Duration::from_secs(1)).await; // then waits for something slow
    println!("  handler: finished");
    7
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: body
    let deadline = Instant::now() + Duration::from_millis(50);
    advance(Duration::from_millis(100)).await; // the budget is spent

    // timeout_at polls the future first, and only then looks at the deadline.
    println!("slow handler, deadline already passed:");
    match timeout_at(deadline, handler()).await {
        Ok(v) => println!("  result: Ok({v})"),
        Err(elapsed) => println!("  result: Err({elapsed})"),
    }

    // A future that is ready on its first poll wins, however late it is.
    let quick = timeout_at(deadline, ready(42)).await;
    println!("ready future, deadline already passed: {quick:?}");

    // To refuse work whose budget is spent, check before starting it.
    if Instant::now() >= deadline {
        println!("deadline checked before calling: refused, nothing ran");
    } else {
        let _ = timeout_at(deadline, handler()).await;
    }
    // ANCHOR_END: body
}
