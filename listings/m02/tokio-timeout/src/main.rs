use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::{Instant, interval, sleep, timeout};

/// Reports if the job is dropped before it has finished.
struct Unfinished {
    start: Instant,
    done: bool,
}

impl Drop for Unfinished {
    fn drop(&mut self) {
        if !self.done {
            let t = self.start.elapsed().as_millis();
            println!("t={t}ms: slow job dropped mid-work (its state is freed)");
        }
    }
}

async fn job(start: Instant, d: Duration, value: u32) -> u32 {
    let mut state = Unfinished { start, done: false };
    sleep(d).await;
    state.done = true;
    value
}

// The clock starts paused: each sleep returns at once in real time while the
// virtual clock jumps to the next deadline. Times printed are virtual.
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let t = || start.elapsed().as_millis();

    // ANCHOR: timeout
    // A 10-second job with a 50 ms budget: the future is dropped at t=50ms.
    match timeout(
        Duration::from_millis(50),
        job(start, Duration::from_secs(10), 1),
    )
    .await
    {
        Ok(v) => println!("t={}ms: timeout(50ms) -> Ok({v})", t()),
        Err(_elapsed) => println!("t={}ms: timeout(50ms) -> Err(Elapsed), no result", t()),
    }
    // A 10 ms job with the same budget completes.
    match timeout(
        Duration::from_millis(50),
        job(start, Duration::from_millis(10), 7),
    )
    .await
    {
        Ok(v) => println!("t={}ms: timeout(50ms) -> Ok({v})", t()),
        Err(_elapsed) => println!("t={}ms: timeout(50ms) -> Err(Elapsed)", t()),
    }
    // ANCHOR_END: timeout

    // ANCHOR: select
    let (tx, mut rx) = mpsc::channel::<u32>(1); // tx kept: nothing will arrive
    tokio::select! {
        Some(v) = rx.recv() => println!("got {v}"),
        () = sleep(Duration::from_millis(30)) => {
            println!("t={}ms: select!: no message within 30ms", t());
        }
    }
    drop(tx);
    // ANCHOR_END: select

    // ANCHOR: interval
    let mut every = interval(Duration::from_millis(100)); // first tick is immediate
    for n in 1..=3 {
        every.tick().await;
        println!("t={}ms: interval tick {n}", t());
    }
    // ANCHOR_END: interval
}
