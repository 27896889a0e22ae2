use std::time::Duration;

use tokio::time::{Instant, sleep};
use tokio_util::sync::CancellationToken;

/// One unit of work: 10 ms.
async fn work(_item: u32) {
    sleep(Duration::from_millis(10)).await;
}

// ANCHOR: body
/// Go: for _, it := range items { if ctx.Err() != nil { return ctx.Err() }; work(it) }
async fn check_between(ctx: &CancellationToken, items: &[u32]) -> usize {
    let mut done = 0;
    for &item in items {
        if ctx.is_cancelled() {
            break;
        }
        work(item).await; // runs to the end even if cancel arrives meanwhile
        done += 1;
    }
    done
}

/// Go: select { case <-ctx.Done(): return ctx.Err(); case <-workDone: }
async fn select_each(ctx: &CancellationToken, items: &[u32]) -> usize {
    let mut done = 0;
    for &item in items {
        tokio::select! {
            () = ctx.cancelled() => break, // the unfinished `work` future is dropped
            () = work(item) => done += 1,
        }
    }
    done
}
// ANCHOR_END: body

/// A token that someone else cancels 25 ms from now.
fn cancelled_in_25ms() -> CancellationToken {
    let ctx = CancellationToken::new();
    let canceller = ctx.clone();
    tokio::spawn(async move {
        sleep(Duration::from_millis(25)).await;
        canceller.cancel();
    });
    ctx
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let items: Vec<u32> = (1..=10).collect();

    let start = Instant::now();
    let done = check_between(&cancelled_in_25ms(), &items).await;
    let t = start.elapsed().as_millis();
    println!("check between items: processed {done} of 10, returned at t={t}ms");

    let start = Instant::now();
    let done = select_each(&cancelled_in_25ms(), &items).await;
    let t = start.elapsed().as_millis();
    println!("select on cancelled(): processed {done} of 10, returned at t={t}ms");
}
