use std::future::{Future, ready};
use std::pin::{Pin, pin};
use std::time::Duration;
use tokio::sync::mpsc;
use tokio::time::sleep;

// ANCHOR: boxed
/// Recursion: the recursive call is boxed, so the future has a fixed size.
async fn fib(n: u32) -> u64 {
    if n < 2 {
        return u64::from(n);
    }
    Box::pin(fib(n - 1)).await + Box::pin(fib(n - 2)).await
}

/// Futures of different types in one collection: box them behind `dyn Future`.
fn jobs() -> Vec<Pin<Box<dyn Future<Output = u64> + Send>>> {
    vec![
        Box::pin(fib(10)),
        Box::pin(async { 100 }),
        Box::pin(ready(1000)),
    ]
}
// ANCHOR_END: boxed

// ANCHOR: main
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let mut total = 0;
    for job in jobs() {
        total += job.await;
    }
    println!("boxed futures: {total}");

    // One deadline for the whole loop: the timer is pinned on the stack once and
    // polled through `&mut` in every round, instead of being recreated each time.
    let (tx, mut rx) = mpsc::channel(8);
    tokio::spawn(async move {
        for i in 1..=5 {
            sleep(Duration::from_millis(30)).await;
            if tx.send(i).await.is_err() {
                break;
            }
        }
    });
    let mut deadline = pin!(sleep(Duration::from_millis(100)));
    let mut got = Vec::new();
    loop {
        tokio::select! {
            _ = &mut deadline => break,
            Some(i) = rx.recv() => got.push(i),
        }
    }
    println!("received before the deadline: {got:?}");

    // `Unpin` values need no pinning ceremony: `Pin::new` accepts them.
    let mut simple = ready(5);
    println!("an Unpin future: {}", Pin::new(&mut simple).await);
}
// ANCHOR_END: main
