use std::time::Duration;
use tokio::sync::mpsc::{self, error::TryRecvError, error::TrySendError};
use tokio::time::{Instant, interval_at, sleep_until};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: shed
    const CAPACITY: usize = 8;
    let (tx, mut rx) = mpsc::channel::<u64>(CAPACITY);
    let start = Instant::now();

    // Downstream: one request every 10 ms, at 1, 11, 21 ms... (never at an arrival's time).
    let consumer = tokio::spawn(async move {
        let first = start + Duration::from_millis(1);
        let mut tick = interval_at(first, Duration::from_millis(10));
        let (mut served, mut last) = (0, Duration::ZERO);
        loop {
            tick.tick().await;
            match rx.try_recv() {
                Ok(_request) => (served, last) = (served + 1, start.elapsed()),
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => return (served, last),
            }
        }
    });

    // Upstream: request i arrives at 2i ms. A full queue sheds it instead of waiting.
    let (mut accepted, mut shed, mut deepest) = (0, 0, 0);
    let mut first_shed = None;
    for i in 0..100u64 {
        sleep_until(start + Duration::from_millis(2 * i)).await;
        match tx.try_send(i) {
            Ok(()) => accepted += 1,
            Err(TrySendError::Full(_)) => {
                shed += 1;
                first_shed.get_or_insert(i);
            }
            Err(TrySendError::Closed(_)) => unreachable!("the consumer outlives the loop"),
        }
        deepest = deepest.max(CAPACITY - tx.capacity()); // observed, not assumed
    }
    drop(tx); // the consumer drains what was accepted, then sees Disconnected
    let (served, last) = consumer.await.unwrap();
    // ANCHOR_END: shed

    println!("offered 100, accepted {accepted}, shed {shed}");
    println!("first shed: request {}", first_shed.unwrap());
    println!("deepest queue observed: {deepest} of {CAPACITY}");
    println!("served {served}, the last at {} ms", last.as_millis());
}
