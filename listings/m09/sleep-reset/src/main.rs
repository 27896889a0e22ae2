use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{Instant, sleep};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let ms = move || start.elapsed().as_millis();

    let (tx, mut rx) = mpsc::channel::<&str>(1);
    tokio::spawn(async move {
        sleep(Duration::from_millis(50)).await;
        tx.send("activity").await.unwrap();
        // tx is dropped here; `rx.recv()` then yields None and that branch is disabled.
    });

    // ANCHOR: timer
    // Go: t := time.NewTimer(100 * time.Millisecond)
    let timer = sleep(Duration::from_millis(100));
    tokio::pin!(timer); // `reset` needs a pinned Sleep; polling `&mut timer` keeps it alive

    loop {
        tokio::select! {
            () = &mut timer => {
                println!("t={}ms: idle timer fired", ms());
                break;
            }
            Some(event) = rx.recv() => {
                // Go: t.Reset(250 * time.Millisecond)
                let new_deadline = Instant::now() + Duration::from_millis(250);
                timer.as_mut().reset(new_deadline);
                let moved_to = (new_deadline - start).as_millis();
                println!("t={}ms: {event}; deadline moved to t={moved_to}ms", ms());
            }
        }
    }
    // ANCHOR_END: timer
}
