use std::pin::pin;
use std::time::Duration;

use tokio::sync::mpsc::{UnboundedReceiver, unbounded_channel};
use tokio::time::{Instant, sleep};

/// Sends 1 at t=0, then 2, 3 and 4 together at t=150ms, then hangs up.
fn producer() -> UnboundedReceiver<u32> {
    let (tx, rx) = unbounded_channel();
    tokio::spawn(async move {
        tx.send(1).unwrap();
        sleep(Duration::from_millis(150)).await;
        for v in [2, 3, 4] {
            tx.send(v).unwrap();
        }
    });
    rx
}

// ANCHOR: read_pair
/// NOT cancel-safe: if dropped after the first `recv`, the value it holds is lost.
async fn read_pair(rx: &mut UnboundedReceiver<u32>) -> Option<(u32, u32)> {
    let a = rx.recv().await?;
    let b = rx.recv().await?; // <- a is only a local variable while we wait here
    Some((a, b))
}
// ANCHOR_END: read_pair

// ANCHOR: lossy
async fn lossy() {
    let start = Instant::now();
    let mut rx = producer();
    loop {
        tokio::select! {
            pair = read_pair(&mut rx) => match pair {
                Some((a, b)) => println!("lossy: t={}ms pair ({a}, {b})", ms(start)),
                None => {
                    println!("lossy: t={}ms channel closed", ms(start));
                    break;
                }
            },
            () = sleep(Duration::from_millis(100)) => {
                println!("lossy: t={}ms tick", ms(start));
            }
        }
    }
}
// ANCHOR_END: lossy

// ANCHOR: pinned
/// Fix 1: create the future once and poll the same one across iterations.
async fn pinned() {
    let start = Instant::now();
    let mut rx = producer();
    let mut pair = pin!(read_pair(&mut rx));
    loop {
        tokio::select! {
            p = &mut pair => {
                let (a, b) = p.unwrap();
                println!("pinned: t={}ms pair ({a}, {b})", ms(start));
                break;
            }
            () = sleep(Duration::from_millis(100)) => {
                println!("pinned: t={}ms tick", ms(start));
            }
        }
    }
}
// ANCHOR_END: pinned

// ANCHOR: state_outside
/// Fix 2: select only on `recv()`, which is cancel-safe, and keep the
/// half-built pair in a variable that outlives every iteration.
async fn state_outside() {
    let start = Instant::now();
    let mut rx = producer();
    let mut first: Option<u32> = None;
    loop {
        tokio::select! {
            msg = rx.recv() => match (msg, first.take()) {
                (Some(b), Some(a)) => {
                    println!("state outside: t={}ms pair ({a}, {b})", ms(start));
                }
                (Some(a), None) => first = Some(a),
                (None, _) => {
                    println!("state outside: t={}ms channel closed", ms(start));
                    break;
                }
            },
            () = sleep(Duration::from_millis(100)) => {
                println!("state outside: t={}ms tick", ms(start));
            }
        }
    }
}
// ANCHOR_END: state_outside

fn ms(start: Instant) -> u128 {
    start.elapsed().as_millis()
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    lossy().await;
    pinned().await;
    state_outside().await;
}
