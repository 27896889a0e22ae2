use std::pin::pin;
use std::time::Duration;

use tokio::time::{Instant, interval, sleep};

/// Stands for a slow one-time load, such as reading a configuration file.
async fn load_config() -> u32 {
    sleep(Duration::from_millis(10)).await;
    42
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: body
    let start = Instant::now();
    let mut config = pin!(load_config());
    let mut loaded = false; // remembers that `config` has completed
    let mut ticks = interval(Duration::from_millis(25));
    for _ in 0..3 {
        tokio::select! {
            // The precondition is checked before the future is polled.
            value = &mut config, if !loaded => {
                loaded = true;
                println!("config loaded at t={}ms: {value}", start.elapsed().as_millis());
            }
            _ = ticks.tick() => println!("tick at t={}ms", start.elapsed().as_millis()),
        }
    }
    // ANCHOR_END: body
}
