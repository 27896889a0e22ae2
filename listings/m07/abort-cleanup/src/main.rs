use std::time::Duration;

use tokio::time::{Instant, sleep};

// ANCHOR: body
/// Cleanup that must happen however the upload ends: Go's `defer`.
struct PartialUpload {
    parts: u32,
    committed: bool,
    start: Instant,
}

impl Drop for PartialUpload {
    fn drop(&mut self) {
        if !self.committed {
            let t = self.start.elapsed().as_millis();
            println!(
                "t={t}ms: cleanup: removed the partial upload ({} parts)",
                self.parts
            );
        }
    }
}

async fn upload(start: Instant) {
    println!("t={}ms: upload started", start.elapsed().as_millis());
    let mut state = PartialUpload {
        parts: 0,
        committed: false,
        start,
    };
    for part in 1..=5 {
        sleep(Duration::from_millis(30)).await; // an await point: abort lands here
        state.parts = part;
        println!("t={}ms: part {part} sent", start.elapsed().as_millis());
    }
    state.committed = true;
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let handle = tokio::spawn(upload(start));

    sleep(Duration::from_millis(75)).await;
    println!("t={}ms: abort requested", start.elapsed().as_millis());
    handle.abort(); // the task's future is dropped the next time it would run

    let err = handle.await.unwrap_err();
    println!("join result: cancelled = {}", err.is_cancelled());
}
// ANCHOR_END: body
