use std::time::Duration;

use tokio::time::{Instant, interval, sleep};
use tokio_util::sync::CancellationToken;

// ANCHOR: body
/// The Go shape: a `time.Ticker` whose channel is selected together with
/// `ctx.Done()`, and the ticker stopped on the way out.
async fn heartbeat(ctx: CancellationToken, start: Instant) -> u32 {
    let mut every = interval(Duration::from_secs(1)); // first tick: immediately
    let mut ticks = 0;
    loop {
        tokio::select! {
            () = ctx.cancelled() => return ticks,
            _ = every.tick() => {
                ticks += 1;
                println!("tick at t={}ms", start.elapsed().as_millis());
            }
        }
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let ctx = CancellationToken::new();
    let task = tokio::spawn(heartbeat(ctx.clone(), start));

    sleep(Duration::from_millis(5500)).await;
    ctx.cancel();
    let ticks = task.await.unwrap(); // cancelling is a request; join to see it done
    println!(
        "stopped at t={}ms after {ticks} ticks",
        start.elapsed().as_millis()
    );
}
// ANCHOR_END: body
