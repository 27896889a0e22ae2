use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

/// An async stand-in for an HTTP GET: it waits, then answers. No network.
async fn fake_fetch(url: &'static str, latency_ms: u64) -> Result<usize, String> {
    sleep(Duration::from_millis(latency_ms)).await;
    if url.ends_with("/missing") {
        Err("404 Not Found".to_string())
    } else {
        Ok(url.len() * 100)
    }
}

// ANCHOR: body
// `start_paused`: tokio's clock is virtual and jumps straight to the next timer
// whenever every task is waiting, so the delays cost no real time.
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let urls = [
        ("https://alpha.example", 80),
        ("https://bravo.example", 20),
        ("https://charlie.example", 60),
        ("https://delta.example/missing", 40),
        ("https://echo.example", 100),
    ];
    let start = Instant::now();

    let mut set = JoinSet::new();
    for (url, latency_ms) in urls {
        set.spawn(async move { (url, fake_fetch(url, latency_ms).await) });
    }

    // `join_next` hands back each task's output as soon as that task finishes.
    while let Some(joined) = set.join_next().await {
        let (url, result) = joined.expect("a fetch task panicked");
        let t = start.elapsed();
        match result {
            Ok(bytes) => println!("{url}: 200 OK, {bytes} bytes (t = {t:?})"),
            Err(e) => println!("{url}: error: {e} (t = {t:?})"),
        }
    }

    let sum: u64 = urls.iter().map(|&(_, ms)| ms).sum();
    println!(
        "elapsed {:?} (the slowest fetch), not {:?} (the sum)",
        start.elapsed(),
        Duration::from_millis(sum)
    );
}
// ANCHOR_END: body
