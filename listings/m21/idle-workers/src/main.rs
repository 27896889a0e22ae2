use crossbeam::channel::{Sender, unbounded};
use std::thread;

// ANCHOR: body
struct Dispatcher {
    jobs: Sender<u64>,
}

fn main() {
    let (job_tx, job_rx) = unbounded::<u64>();
    let (result_tx, result_rx) = unbounded::<u64>();
    for _ in 0..2 {
        let (job_rx, result_tx) = (job_rx.clone(), result_tx.clone());
        thread::spawn(move || {
            // Leaves the loop only when the job channel is closed.
            for n in job_rx {
                result_tx.send(n * n).unwrap();
            }
        });
    }

    let dispatcher = Dispatcher { jobs: job_tx };
    for n in 1..=4 {
        dispatcher.jobs.send(n).unwrap();
    }
    let sum: u64 = result_rx.iter().take(4).sum();
    println!("4 jobs done, sum of squares = {sum}");

    // BUG: `dispatcher` stays alive for the rest of the process, and so does
    // its Sender: the job channel never closes.
    loop {
        thread::park();
    }
}
// ANCHOR_END: body
