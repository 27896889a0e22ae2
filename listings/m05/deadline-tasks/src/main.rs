use std::time::Duration;

use tokio::time::{Instant, sleep};
use tokio_util::sync::CancellationToken;

// ANCHOR: body
/// Go: func worker(ctx context.Context, id int) with a select on ctx.Done().
async fn worker(ctx: CancellationToken, id: u32, start: Instant) -> String {
    tokio::select! {
        () = sleep(Duration::from_secs(2)) => format!("task {id}: finished"),
        () = ctx.cancelled() => {
            format!("task {id}: cancelled at t={}ms", start.elapsed().as_millis())
        }
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();

    // Go: ctx, cancel := context.WithTimeout(context.Background(), time.Second)
    let ctx = CancellationToken::new();
    let timer = ctx.clone();
    tokio::spawn(async move {
        sleep(Duration::from_secs(1)).await;
        timer.cancel();
    });

    let handles: Vec<_> = (1..=3)
        .map(|id| tokio::spawn(worker(ctx.clone(), id, start)))
        .collect();
    // Awaiting the handles in order makes the printing order fixed; the
    // tasks themselves may finish in any order.
    for h in handles {
        println!("{}", h.await.unwrap());
    }
}
// ANCHOR_END: body
