use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::OnceCell;
use tokio::time::{Instant, sleep};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();

    // ANCHOR: oncecell
    let token: Arc<OnceCell<String>> = Arc::new(OnceCell::new());
    let inits = Arc::new(AtomicUsize::new(0));

    // A failed attempt stores nothing; the next caller tries again.
    let failed = token
        .get_or_try_init(|| async { Err::<String, _>("connection refused") })
        .await;
    println!(
        "fallible init failed: {}; cell empty = {}",
        failed.unwrap_err(),
        !token.initialized()
    );

    let mut tasks = Vec::new();
    for _ in 0..10 {
        let token = Arc::clone(&token);
        let inits = Arc::clone(&inits);
        tasks.push(tokio::spawn(async move {
            let value = token
                .get_or_init(|| async {
                    inits.fetch_add(1, Ordering::Relaxed);
                    // The others wait, without blocking a thread.
                    sleep(Duration::from_millis(50)).await;
                    String::from("abc123")
                })
                .await;
            value.clone()
        }));
    }
    let mut values = Vec::new();
    for task in tasks {
        values.push(task.await.unwrap());
    }
    assert!(values.iter().all(|v| v == "abc123"));
    println!(
        "{} tasks got token {}; initialiser ran {} time(s); t={}ms",
        values.len(),
        values[0],
        inits.load(Ordering::Relaxed),
        start.elapsed().as_millis()
    );
    // ANCHOR_END: oncecell
}
