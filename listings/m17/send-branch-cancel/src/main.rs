use std::time::Duration;

use tokio::sync::mpsc;
use tokio::time::sleep;

/// Takes everything the channel holds right now.
fn drain(rx: &mut mpsc::Receiver<u32>) -> Vec<u32> {
    let mut got = Vec::new();
    while let Ok(v) = rx.try_recv() {
        got.push(v);
    }
    got
}

// ANCHOR: send
/// Lossy: the value is moved into the `send` future when the branch is created.
async fn send_branch() {
    let (tx, mut rx) = mpsc::channel::<u32>(1);
    tx.send(0).await.unwrap(); // the channel is full
    let mut next = Some(1);

    tokio::select! {
        res = tx.send(next.take().unwrap()), if next.is_some() => res.unwrap(),
        () = sleep(Duration::from_millis(10)) => print!("send branch: the timer won; "),
    }
    // The losing `send` future was dropped, and the value inside it too.
    println!(
        "still held: {next:?}; the receiver gets {:?}",
        drain(&mut rx)
    );
}
// ANCHOR_END: send

// ANCHOR: reserve
/// Cancel-safe: wait for room first, and give the value up only once there is.
async fn reserve_branch() {
    let (tx, mut rx) = mpsc::channel::<u32>(1);
    tx.send(0).await.unwrap(); // the channel is full
    let mut next = Some(1);

    tokio::select! {
        permit = tx.reserve(), if next.is_some() => {
            permit.unwrap().send(next.take().unwrap())
        }
        () = sleep(Duration::from_millis(10)) => print!("reserve branch: the timer won; "),
    }
    print!("still held: {next:?}; ");
    let mut got = drain(&mut rx);
    if let Some(v) = next.take() {
        tx.send(v).await.unwrap(); // there is room now: send it after all
        got.extend(drain(&mut rx));
    }
    println!("the receiver gets {got:?}");
}
// ANCHOR_END: reserve

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    send_branch().await;
    reserve_branch().await;
}
