use tokio::task::JoinSet;
use tokio_util::sync::CancellationToken;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    // ANCHOR: body
    let stop = CancellationToken::new();

    let watcher = tokio::spawn({
        let stop = stop.clone();
        async move {
            stop.cancelled().await;
            println!("watcher: stop signal received");
        }
    });

    // Go would need a sync.Once around close(done); cancel() is already idempotent.
    let mut cancellers = JoinSet::new();
    for _ in 0..3 {
        let stop = stop.clone();
        cancellers.spawn(async move { stop.cancel() });
    }
    let calls = cancellers.join_all().await.len();

    watcher.await.unwrap();
    println!("{calls} tasks called cancel(), none of them panicked");
    println!("is_cancelled: {}", stop.is_cancelled());
    // ANCHOR_END: body
}
