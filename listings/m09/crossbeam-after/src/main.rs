use std::time::Duration;

use crossbeam::channel::{after, bounded, select};

fn main() {
    let (tx, rx) = bounded::<u32>(1);
    tx.send(1).unwrap();

    // ANCHOR: select
    // Go: select { case j := <-jobs: ...; case <-time.After(time.Second): ... }
    select! {
        recv(rx) -> job => println!("first select: got job {}", job.unwrap()),
        recv(after(Duration::from_secs(1))) -> _ => println!("first select: timed out"),
    }

    // Nothing queued now. `tx` stays alive, so `rx` is merely empty, not
    // disconnected, and only the timer can make this select ready.
    let timer = after(Duration::from_millis(20));
    select! {
        recv(rx) -> job => println!("second select: got {job:?}"),
        recv(timer) -> _ => println!("second select: timed out, nothing arrived"),
    }
    // ANCHOR_END: select
    drop(tx);
}
