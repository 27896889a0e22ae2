use std::time::Duration;

use tokio::time::{Instant, sleep, sleep_until};
use tokio_util::sync::{CancellationToken, DropGuard};

// ANCHOR: kinds
/// Go: context.Background(). A root that nothing cancels unless you do.
fn background() -> CancellationToken {
    CancellationToken::new()
}

/// Go: ctx, cancel := context.WithCancel(parent). The guard is `cancel`:
/// dropping it (or calling `ctx.cancel()`) cancels ctx and its children.
fn with_cancel(parent: &CancellationToken) -> (CancellationToken, DropGuard) {
    let ctx = parent.child_token();
    let guard = ctx.clone().drop_guard();
    (ctx, guard)
}

/// Go: context.WithDeadline(parent, deadline).
fn with_deadline(
    parent: &CancellationToken,
    deadline: Instant,
) -> (CancellationToken, DropGuard) {
    let (ctx, guard) = with_cancel(parent);
    let timer = ctx.clone();
    tokio::spawn(async move {
        tokio::select! {
            () = sleep_until(deadline) => timer.cancel(),
            () = timer.cancelled() => {} // cancelled earlier: the timer task ends
        }
    });
    (ctx, guard)
}

/// Go: context.WithTimeout(parent, d) is exactly WithDeadline(parent, now + d).
fn with_timeout(parent: &CancellationToken, d: Duration) -> (CancellationToken, DropGuard) {
    with_deadline(parent, Instant::now() + d)
}

/// Go 1.21: context.WithoutCancel(parent). A token is only cancellation, so
/// "keep the values, drop the cancellation" is simply a fresh root token.
fn without_cancel(_parent: &CancellationToken) -> CancellationToken {
    CancellationToken::new()
}
// ANCHOR_END: kinds

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let t = || start.elapsed().as_millis();

    // ANCHOR: main
    let parent = background();
    let (ctx, _cancel) = with_deadline(&parent, start + Duration::from_millis(100));
    ctx.cancelled().await;
    println!(
        "deadline child cancelled at t={}ms; parent cancelled: {}",
        t(),
        parent.is_cancelled()
    );

    let (parent, _cancel_parent) = with_cancel(&background());
    let (slow, _cancel_slow) = with_timeout(&parent, Duration::from_secs(1));
    let detached = without_cancel(&parent);
    sleep(Duration::from_millis(30)).await;
    parent.cancel();
    println!(
        "parent cancelled at t={}ms; its 1 s timeout child cancelled too: {}",
        t(),
        slow.is_cancelled()
    );
    println!(
        "detached copy cancelled with the parent: {}",
        detached.is_cancelled()
    );
    // ANCHOR_END: main
}
