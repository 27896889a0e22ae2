use std::time::Duration;

use tokio::time::{Instant, sleep, timeout};
use tokio_util::sync::{CancellationToken, DropGuard};

// ANCHOR: with_timeout
/// Go: `ctx, cancel := context.WithTimeout(parent, d); defer cancel()`.
/// The child token is cancelled when `d` has passed, when the parent is
/// cancelled, or when the returned guard is dropped, whichever comes first.
fn with_timeout(parent: &CancellationToken, d: Duration) -> (CancellationToken, DropGuard) {
    let child = parent.child_token();
    let timer_side = child.clone();
    tokio::spawn(async move {
        tokio::select! {
            () = sleep(d) => timer_side.cancel(),
            () = timer_side.cancelled() => {} // cancelled early: stop the timer task too
        }
    });
    let cancel_on_drop = child.clone().drop_guard();
    (child, cancel_on_drop)
}

/// A callee that honours cancellation, like a Go function taking `ctx`.
async fn slow_query(ctx: CancellationToken) -> Result<&'static str, Instant> {
    tokio::select! {
        () = ctx.cancelled() => Err(Instant::now()),
        () = sleep(Duration::from_secs(5)) => Ok("rows"),
    }
}
// ANCHOR_END: with_timeout

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();

    // ANCHOR: main
    // 1. One call, one deadline: wrap the future.
    let result = timeout(Duration::from_millis(100), sleep(Duration::from_secs(5))).await;
    if result.is_err() {
        println!("timeout: gave up at t={}ms", start.elapsed().as_millis());
    }

    // 2. A deadline shared by everything below it, like passing ctx down.
    let root = CancellationToken::new();
    let (ctx, _cancel) = with_timeout(&root, Duration::from_millis(150));
    let a = tokio::spawn(slow_query(ctx.child_token()));
    let b = tokio::spawn(slow_query(ctx.child_token()));
    for (name, handle) in [("A", a), ("B", b)] {
        match handle.await.unwrap() {
            Ok(rows) => println!("query {name}: {rows}"),
            Err(at) => println!(
                "query {name}: cancelled at t={}ms",
                (at - start).as_millis()
            ),
        }
    }
    println!("parent token cancelled = {}", root.is_cancelled());
    // ANCHOR_END: main
}
