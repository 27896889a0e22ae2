use futures::future::try_join_all;
use std::cell::Cell;
use std::time::Duration;
use tokio::time::{Instant, sleep};

/// Counts futures dropped before they finished.
struct Unfinished<'a>(&'a Cell<usize>, bool);

impl Drop for Unfinished<'_> {
    fn drop(&mut self) {
        if !self.1 {
            self.0.set(self.0.get() + 1);
        }
    }
}

async fn fetch(i: u64, fail: Option<u64>, dropped: &Cell<usize>) -> Result<u64, String> {
    let mut guard = Unfinished(dropped, false);
    if Some(i) == fail {
        sleep(Duration::from_millis(10)).await;
        guard.1 = true;
        return Err(format!("fetch {i} failed"));
    }
    sleep(Duration::from_millis(50 - 10 * i)).await; // the last one finishes first
    guard.1 = true;
    Ok(i * 10)
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: join
    for fail in [None, Some(2)] {
        let dropped = Cell::new(0);
        let start = Instant::now();
        let result = try_join_all((0..5).map(|i| fetch(i, fail, &dropped))).await;
        println!(
            "{result:?} after {} ms, {} dropped unfinished",
            start.elapsed().as_millis(),
            dropped.get()
        );
    }
    // ANCHOR_END: join
}
