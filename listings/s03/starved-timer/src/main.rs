use std::time::{Duration, Instant};
use tokio::time::sleep;

// ANCHOR: body
/// Busy for `total` of wall-clock time; with `yield_every`, awaits
/// `yield_now()` that often.
async fn compute(total: Duration, yield_every: Option<Duration>) {
    let start = Instant::now();
    let mut last_yield = start;
    loop {
        if let Some(every) = yield_every
            && last_yield.elapsed() >= every
        {
            // The only point where this task lets others run:
            tokio::task::yield_now().await;
            last_yield = Instant::now();
        }
        if start.elapsed() >= total {
            return;
        }
    }
}

/// Starts a 100 ms computation that arms a 10 ms timer as it begins; says
/// whether the timer fired before the computation ended.
async fn race(yield_every: Option<Duration>) -> bool {
    let hog = tokio::spawn(async move {
        let due = sleep(Duration::from_millis(10)); // due 10 ms from now
        let timer = tokio::spawn(async move {
            due.await;
            Instant::now()
        });
        compute(Duration::from_millis(100), yield_every).await;
        (timer, Instant::now())
    });
    let (timer, hog_done) = hog.await.unwrap();
    timer.await.unwrap() < hog_done
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
