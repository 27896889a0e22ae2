use crossbeam::channel::{Receiver, bounded, select, unbounded};
use std::thread;

// ANCHOR: body
/// Go: for { select { case <-ctx.Done(): return; case j := <-jobs: ... } }
fn worker(stop: Receiver<()>, jobs: Receiver<u32>) -> usize {
    let mut handled = 0;
    loop {
        select! {
            // Never sent on: this case becomes ready only when the Sender is
            // dropped, and then it stays ready for every worker (like a closed
            // Done channel).
            recv(stop) -> _ => return handled,
            recv(jobs) -> job => match job {
                Ok(_) => handled += 1,
                Err(_) => return handled, // jobs closed: nothing left to do
            },
        }
    }
}

fn main() {
    let (stop_tx, stop_rx) = bounded::<()>(0);
    let (jobs_tx, jobs_rx) = unbounded::<u32>();
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (stop, jobs) = (stop_rx.clone(), jobs_rx.clone());
            thread::spawn(move || worker(stop, jobs))
        })
        .collect();

    for job in 0..100 {
        jobs_tx.send(job).unwrap();
    }
    drop(stop_tx); // cancel: broadcast to every worker at once

    let handled: usize = workers.into_iter().map(|w| w.join().unwrap()).sum();
    println!("4 workers stopped and joined");
    // With both cases ready, select! picks at random, so some jobs may still be
    // queued. How many varies from run to run; that nothing is lost does not.
    let ok = handled + jobs_rx.len() == 100;
    println!(
        "handled + still queued = 100: {}",
        if ok { "yes" } else { "no" }
    );
    drop(jobs_tx);
}
// ANCHOR_END: body
