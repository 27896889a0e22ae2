use std::time::Duration;
use tokio::sync::Notify;
use tokio::time::timeout;

// ANCHOR: body
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let notify = Notify::new();

    notify.notify_one(); // nobody is waiting: a permit is stored
    notify.notified().await; // consumes it, returns at once
    println!("a notify_one before the wait is not lost");

    notify.notify_one();
    notify.notify_one(); // permits do not add up: at most one is stored
    notify.notified().await;
    let second = timeout(Duration::from_secs(1), notify.notified()).await;
    println!(
        "two notify_one calls, second wait timed out: {}",
        second.is_err()
    );

    notify.notify_waiters(); // wakes current waiters only; stores nothing
    let after = timeout(Duration::from_secs(1), notify.notified()).await;
    println!(
        "notify_waiters before the wait, wait timed out: {}",
        after.is_err()
    );

    let early = notify.notified(); // created, not yet polled: already counts as waiting
    notify.notify_waiters();
    let woken = timeout(Duration::from_secs(1), early).await;
    println!(
        "a Notified created before notify_waiters, woken: {}",
        woken.is_ok()
    );
}
// ANCHOR_END: body
