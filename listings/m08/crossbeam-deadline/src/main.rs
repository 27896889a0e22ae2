use std::sync::mpsc;
use std::time::{Duration, Instant};

use crossbeam::channel::{at, select, unbounded};

fn main() {
    // ANCHOR: body
    // Three values are queued and the Sender stays alive: after them the
    // channel is empty, not closed, so only the deadline can end the wait.
    let (tx, rx) = unbounded();
    for v in [1, 2, 3] {
        tx.send(v).unwrap();
    }
    let deadline = Instant::now() + Duration::from_millis(20); // one budget for the loop
    let mut got = Vec::new();
    let end = loop {
        match rx.recv_deadline(deadline) {
            Ok(v) => got.push(v),
            Err(e) => break e,
        }
    };
    println!("recv_deadline: got {got:?}, then Err({end:?})");

    // std's Receiver::recv_deadline is still unstable: recompute what is left.
    let (std_tx, std_rx) = mpsc::channel();
    for v in [1, 2, 3] {
        std_tx.send(v).unwrap();
    }
    let deadline = Instant::now() + Duration::from_millis(20);
    let mut got = Vec::new();
    let end = loop {
        let remaining = deadline.saturating_duration_since(Instant::now());
        match std_rx.recv_timeout(remaining) {
            Ok(v) => got.push(v),
            Err(e) => break e,
        }
    };
    println!("std recv_timeout(remaining): got {got:?}, then Err({end:?})");

    // In select!, `at` is the absolute twin of `after`.
    let deadline = Instant::now() + Duration::from_millis(20);
    let (_keep, idle) = unbounded::<u32>();
    select! {
        recv(idle) -> v => println!("got {v:?}"),
        recv(at(deadline)) -> _ => println!("select! with at(deadline): deadline passed"),
    }
    // ANCHOR_END: body
    drop((tx, std_tx));
}
