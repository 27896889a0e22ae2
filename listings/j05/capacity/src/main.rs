use crossbeam::channel::{self, TrySendError};
use std::sync::mpsc;

// ANCHOR: std
/// Counts how many of ten `try_send`s succeed while nobody receives.
fn fits_without_receiver(capacity: usize) -> usize {
    // `_rx` (not `_`) keeps the receiver alive until the end of the function:
    // with the receiver dropped, every send would fail as "disconnected".
    let (tx, _rx) = mpsc::sync_channel::<usize>(capacity);
    (0..10).take_while(|&i| tx.try_send(i).is_ok()).count()
}
// ANCHOR_END: std

fn main() {
    // ANCHOR: main
    for capacity in [0, 1, 3] {
        let n = fits_without_receiver(capacity);
        println!("sync_channel({capacity}): {n} of 10 sends fit with nobody receiving");
    }

    // An unbounded channel never refuses a send: it grows instead.
    let (tx, _rx) = mpsc::channel::<usize>();
    let sent = (0..10_000).filter(|&i| tx.send(i).is_ok()).count();
    println!("channel(): {sent} of 10000 sends fit with nobody receiving");

    let (tx, _rx) = channel::bounded::<u32>(2);
    println!(
        "bounded(2): try_send(1) = {:?}, try_send(2) = {:?}",
        tx.try_send(1),
        tx.try_send(2)
    );
    match tx.try_send(3) {
        Err(TrySendError::Full(v)) => {
            println!(
                "bounded(2): try_send(3) refused, the channel is full; {v} came back to us"
            )
        }
        other => println!("unexpected: {other:?}"),
    }
    println!(
        "bounded(2): len = {}, capacity = {:?}",
        tx.len(),
        tx.capacity()
    );
    // ANCHOR_END: main
}
