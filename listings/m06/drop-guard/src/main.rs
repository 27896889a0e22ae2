use std::time::Duration;

use tokio::task::JoinSet;
use tokio::time::sleep;
use tokio_util::sync::CancellationToken;

// ANCHOR: body
async fn handle(
    parent: &CancellationToken,
    background: &mut JoinSet<()>,
    input: &str,
) -> Result<(), String> {
    let ctx = parent.child_token();
    let _cancel = ctx.clone().drop_guard(); // Go: defer cancel()

    let helper = ctx.clone();
    background.spawn(async move {
        tokio::select! {
            () = helper.cancelled() => println!("prefetch: stopped, request over"),
            () = sleep(Duration::from_secs(60)) => println!("prefetch: done"),
        }
    });

    if input.is_empty() {
        println!("handle: validation failed, returning early");
        return Err("bad input".into()); // `_cancel` is dropped here: ctx is cancelled
    }
    // ... the real work ...
    Ok(())
}

/// Sometimes the token must outlive the function: disarm the guard.
fn start_session(parent: &CancellationToken) -> CancellationToken {
    let guard = parent.child_token().drop_guard();
    // ... setup that could fail and return early, cancelling through the guard ...
    guard.disarm() // success: give the token to the caller without cancelling it
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let server = CancellationToken::new();
    let mut background = JoinSet::new();
    let result = handle(&server, &mut background, "").await;
    background.join_all().await; // the helper ends at once: it was cancelled
    println!("handle: {result:?}");

    let session = start_session(&server);
    println!(
        "start_session: token handed to the caller, still live: {}",
        !session.is_cancelled()
    );
}
// ANCHOR_END: body
