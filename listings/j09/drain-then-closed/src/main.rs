use crossbeam::channel;
use std::sync::mpsc;

#[tokio::main]
async fn main() {
    // ANCHOR: body
    let (tx, rx) = mpsc::sync_channel::<u8>(2);
    tx.send(7).unwrap();
    tx.send(8).unwrap();
    drop(tx); // Go: close(ch)
    let (a, b, c, d) = (rx.recv(), rx.recv(), rx.recv(), rx.recv());
    println!("std:       {a:?} {b:?} {c:?} {d:?}");

    let (tx, rx) = channel::bounded::<u8>(2);
    tx.send(7).unwrap();
    tx.send(8).unwrap();
    drop(tx);
    let (a, b, c, d) = (rx.recv(), rx.recv(), rx.recv(), rx.recv());
    println!("crossbeam: {a:?} {b:?} {c:?} {d:?}");

    let (tx, mut rx) = tokio::sync::mpsc::channel::<u8>(2);
    tx.send(7).await.unwrap();
    tx.send(8).await.unwrap();
    drop(tx);
    let (a, b) = (rx.recv().await, rx.recv().await);
    let (c, d) = (rx.recv().await, rx.recv().await);
    println!("tokio:     {a:?} {b:?} {c:?} {d:?}");
    // ANCHOR_END: body
}
