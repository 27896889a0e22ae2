use std::time::Duration;
use tokio::time::{Instant, sleep, timeout};

// ANCHOR: body
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let real = std::time::Instant::now();
    let virtual_start = Instant::now(); // tokio's clock, paused

    // An hour of tokio time: the runtime is idle, so the clock jumps to the timer.
    sleep(Duration::from_secs(3600)).await;
    println!("tokio time slept: {} s", virtual_start.elapsed().as_secs());
    println!(
        "real time under a minute: {}",
        real.elapsed() < Duration::from_secs(60)
    );

    // Trap 1: real time does not move tokio's clock.
    let before = Instant::now();
    std::thread::sleep(Duration::from_millis(20));
    println!(
        "tokio time after a real 20 ms sleep: {} ms",
        before.elapsed().as_millis()
    );

    // Trap 2: the clock jumps whenever the runtime has nothing to run, even if the
    // awaited work is happening elsewhere. `spawn_blocking` work holds it still:
    let work = tokio::task::spawn_blocking(|| {
        std::thread::sleep(Duration::from_millis(20)); // real work on a real thread
        "done"
    });
    let outcome = timeout(Duration::from_millis(10), work).await;
    println!(
        "10 ms timeout around 20 ms of spawn_blocking work: {:?}",
        outcome.map(|r| r.unwrap())
    );
}
// ANCHOR_END: body
