use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use tokio::task::JoinHandle;
use tokio::time::{Instant, sleep};

// ANCHOR: after_func
/// Go's `time.AfterFunc(d, f)`: `f` runs on its own task once `d` has passed.
/// The returned handle (or its `abort_handle()`) plays the part of `Timer.Stop`.
fn after_func(d: Duration, f: impl FnOnce() + Send + 'static) -> JoinHandle<()> {
    tokio::spawn(async move {
        sleep(d).await;
        f();
    })
}
// ANCHOR_END: after_func

// The clock starts paused: every sleep completes instantly in real time, and
// the virtual clock jumps exactly to the next deadline. Output is deterministic.
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: main
    let start = Instant::now();
    let ms = move || start.elapsed().as_millis();

    let fired = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&fired);
    let first = after_func(Duration::from_millis(100), move || {
        flag.store(true, Ordering::SeqCst);
    });
    let stop = first.abort_handle(); // can be cloned and sent anywhere

    sleep(Duration::from_millis(50)).await;
    stop.abort(); // at t=50ms the task is parked in its 100 ms sleep
    let cancelled = first.await.unwrap_err().is_cancelled();
    println!(
        "t={}ms: stopped before firing (cancelled = {cancelled})",
        ms()
    );

    sleep(Duration::from_millis(200)).await; // well past the old deadline
    println!(
        "t={}ms: first callback ran = {}",
        ms(),
        fired.load(Ordering::SeqCst)
    );

    let second = after_func(Duration::from_millis(100), move || {
        println!("t={}ms: second callback runs", ms());
    });
    let stop = second.abort_handle();
    second.await.unwrap();
    println!(
        "t={}ms: second timer finished = {}; aborting it now changes nothing",
        ms(),
        stop.is_finished()
    );
    stop.abort();
    // ANCHOR_END: main
}
