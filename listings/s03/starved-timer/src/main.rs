use std::time::{Duration, Instant};
use tokio::time::sleep;

// ANCHOR: body
/// Busy for 100 slices of at least 1 ms of wall-clock time each; with
/// `yield_each`, awaits `yield_now()` after every slice.
async fn compute(yield_each: bool) {
    for _ in 0..100 {
        let slice = Instant::now();
        while slice.elapsed() < Duration::from_millis(1) {} // busy
        if yield_each {
            // The only point where this task lets others run:
            tokio::task::yield_now().await;
        }
    }
}

/// Starts a 100 ms computation that arms a 10 ms timer as it begins; says
/// whether the timer fired before the computation ended.
async fn race(yield_each: bool) -> bool {
    let hog = tokio::spawn(async move {
        let due = sleep(Duration::from_millis(10)); // due 10 ms from now
        let timer = tokio::spawn(async move {
            due.await;
            Instant::now()
        });
        compute(yield_each).await;
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
    let first = rt.block_on(race(false));
    println!(
        "no .await in the loop: the 10 ms timer fired only after the 100 ms loop ended: {}",
        yes(!first)
    );
    let first = rt.block_on(race(true));
    println!(
        "yield_now() after each slice: the 10 ms timer fired before the loop ended: {}",
        yes(first)
    );
}
// ANCHOR_END: body

fn yes(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}
