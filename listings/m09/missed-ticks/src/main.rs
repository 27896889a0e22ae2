use std::time::Duration;

use tokio::time::{Instant, MissedTickBehavior, interval, sleep};

/// One slow round, then four ticks: when does each of them complete?
async fn after_a_slow_round(behaviour: MissedTickBehavior) -> Vec<u128> {
    let start = Instant::now();
    let mut ticks = interval(Duration::from_millis(10));
    ticks.set_missed_tick_behavior(behaviour);
    ticks.tick().await; // the first tick completes at once, at t=0
    sleep(Duration::from_millis(35)).await; // a handler that took 35 ms
    let mut at = Vec::new();
    for _ in 0..4 {
        ticks.tick().await;
        at.push(start.elapsed().as_millis());
    }
    at
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: body
    for behaviour in [
        MissedTickBehavior::Burst, // the default
        MissedTickBehavior::Delay,
        MissedTickBehavior::Skip,
    ] {
        let at = after_a_slow_round(behaviour).await;
        println!("{behaviour:?}: ticks at {at:?} ms");
    }
    // ANCHOR_END: body
}
