use async_singleflight::Group;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::sleep;

/// A backend call that takes 100 ms and counts itself.
async fn load(fetches: &AtomicUsize, value: Result<u32, String>) -> Result<u32, String> {
    fetches.fetch_add(1, Relaxed);
    sleep(Duration::from_millis(100)).await;
    value
}

type Shared = Arc<(Group<String, u32, String>, AtomicUsize)>;

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: crate
    for value in [Ok(42), Err("backend down".to_string())] {
        let shared: Shared = Arc::new((Group::new(), AtomicUsize::new(0)));
        let mut tasks = JoinSet::new();
        for _ in 0..5 {
            let (shared, value) = (shared.clone(), value.clone());
            tasks.spawn(
                async move { shared.0.work("user:7", load(&shared.1, value)).await },
            );
        }
        let mut results = tasks.join_all().await;
        results.sort();
        println!("5 callers, {} fetch: {results:?}", shared.1.load(Relaxed));
    }
    // ANCHOR_END: crate
}
