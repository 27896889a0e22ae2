use std::time::Duration;

use tokio::time::{Instant, sleep};

/// Prints when it is dropped, so we can see when a future's state is freed.
struct Guard {
    name: &'static str,
    start: Instant,
}

impl Drop for Guard {
    fn drop(&mut self) {
        let t = self.start.elapsed().as_millis();
        println!("t={t}ms: {}'s guard dropped", self.name);
    }
}

// ANCHOR: body
async fn job(name: &'static str, d: Duration, start: Instant) -> &'static str {
    let _guard = Guard { name, start };
    sleep(d).await;
    // If the future is dropped while parked in the sleep, this line never runs.
    println!(
        "t={}ms: {name} finished its work",
        start.elapsed().as_millis()
    );
    name
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let winner = tokio::select! {
        w = job("fast", Duration::from_millis(10), start) => w,
        w = job("slow", Duration::from_secs(1), start) => w,
    };
    // By the time any handler runs, the losing future has already been dropped.
    println!(
        "t={}ms: handler runs, winner = {winner}",
        start.elapsed().as_millis()
    );

    sleep(Duration::from_secs(2)).await; // long past slow's deadline
    println!(
        "t={}ms: slow never printed anything more",
        start.elapsed().as_millis()
    );
}
// ANCHOR_END: body
