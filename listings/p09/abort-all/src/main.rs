use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::time::Duration;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

/// Counts how many task states were dropped, finished or not.
struct DropCount(Arc<AtomicUsize>);

impl Drop for DropCount {
    fn drop(&mut self) {
        self.0.fetch_add(1, Relaxed);
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: abort
    let dropped = Arc::new(AtomicUsize::new(0));
    let mut set = JoinSet::new();
    for i in 0..5 {
        let guard = DropCount(dropped.clone());
        set.spawn(async move {
            let _guard = guard;
            if i == 2 {
                sleep(Duration::from_millis(10)).await;
                return Err(format!("fetch {i} failed"));
            }
            sleep(Duration::from_secs(3600)).await; // watches no token at all
            Ok(i)
        });
    }
    let start = Instant::now();
    let (mut first_err, mut aborted) = (None, 0);
    while let Some(joined) = set.join_next().await {
        match joined {
            Ok(Ok(_)) => {}
            Ok(Err(err)) => {
                if first_err.is_none() {
                    first_err = Some(err);
                    set.abort_all(); // cancel the rest at their next `.await`
                }
            }
            Err(e) if e.is_cancelled() => aborted += 1,
            Err(e) => std::panic::resume_unwind(e.into_panic()),
        }
    }
    println!(
        "first error {first_err:?} after {} ms",
        start.elapsed().as_millis()
    );
    println!(
        "{aborted} tasks aborted, {} task states dropped",
        dropped.load(Relaxed)
    );
    // ANCHOR_END: abort
}
