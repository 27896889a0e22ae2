use std::time::{Duration, Instant};

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: body
    let start = Instant::now();
    let timer = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(10)).await;
        start.elapsed()
    });

    // BUG: a blocking call on the runtime thread. No other task can run
    // (or even start) until it returns.
    std::thread::sleep(Duration::from_millis(100));

    let fired_after = timer.await.unwrap();
    // ANCHOR_END: body
    println!("the timer asked for 10 ms");
    println!(
        "it fired after at least 100 ms: {}",
        fired_after >= Duration::from_millis(100)
    );
}
