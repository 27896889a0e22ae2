use std::time::Duration;

use crossbeam::channel::{after, bounded, select, tick};

fn main() {
    // `tx` stays alive and never sends: `jobs` is empty, not disconnected,
    // so only a timer can make these selects ready.
    let (tx, jobs) = bounded::<u32>(1);

    // ANCHOR: body
    // Go: select { case j := <-jobs: ...; case <-time.After(30 * time.Millisecond): ... }
    select! {
        recv(jobs) -> job => println!("got {job:?}"),
        recv(after(Duration::from_millis(30))) -> _ => {
            println!("after(30ms): no job arrived, timed out");
        }
    }

    // The same thing without a timer channel: a `default` arm with a timeout.
    select! {
        recv(jobs) -> job => println!("got {job:?}"),
        default(Duration::from_millis(30)) => {
            println!("default(30ms): no job arrived, timed out");
        }
    }

    // Go: ticker := time.NewTicker(10 * time.Millisecond)
    let heartbeat = tick(Duration::from_millis(10));
    let mut beats = 0;
    while beats < 3 {
        select! {
            recv(jobs) -> job => println!("got {job:?}"),
            recv(heartbeat) -> _ => {
                beats += 1;
                println!("heartbeat {beats}");
            }
        }
    }
    // ANCHOR_END: body
    drop(tx);
}
