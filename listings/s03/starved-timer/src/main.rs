use std::time::{Duration, Instant};
use tokio::time::sleep;

// ANCHOR: body
/// Busy for `total` of wall-clock time; with `yield_every`, awaits
/// `yield_now()` that often.
async fn compute(total: Duration, yield_every: Option<Duration>) {
    let start = Instant::now();
    let mut last_yield = start;
    while start.elapsed() < total {
        if let Some(every) = yield_every
            && last_yield.elapsed() >= every
        {
            // The only point where this task lets others run:
            tokio::task::yield_now().await;
            last_yield = Instant::now();
        }
    }
}

/// Starts a 10 ms timer and a 100 ms computation; says which finished first.
async fn race(yield_every: Option<Duration>) -> bool {
    let start = Instant::now();
    let timer = tokio::spawn(async move {
        sleep(Duration::from_millis(10)).await;
        start.elapsed()
    });
    tokio::task::yield_now().await; // let the timer task start its sleep
    let hog = tokio::spawn(async move {
        compute(Duration::from_millis(100), yield_every).await;
        start.elapsed()
    });
    let (fired, hog_done) = (timer.await.unwrap(), hog.await.unwrap());
    fired < hog_done
}

fn main() {
    // One thread for everything, like GOMAXPROCS=1.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_time()
        .build()
        .unwrap();
    let first = rt.block_on(race(None));
    println!(
        "no .await in the loop: the 10 ms timer fired only after the 100 ms loop ended: {}",
        yes(!first)
    );
    let first = rt.block_on(race(Some(Duration::from_millis(1))));
    println!(
        "yield_now() every 1 ms: the 10 ms timer fired before the 100 ms loop ended: {}",
        yes(first)
    );
}
// ANCHOR_END: body

fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}
