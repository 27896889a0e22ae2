use crossbeam::channel::{Sender, unbounded};
use std::thread;

struct Dispatcher {
    jobs: Sender<u64>,
}

fn main() {
    let (job_tx, job_rx) = unbounded::<u64>();
    let (result_tx, result_rx) = unbounded::<u64>();
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let (job_rx, result_tx) = (job_rx.clone(), result_tx.clone());
            thread::spawn(move || {
                for n in job_rx {
                    result_tx.send(n * n).unwrap();
                }
            })
        })
        .collect();
    drop(result_tx);

    let dispatcher = Dispatcher { jobs: job_tx };
    for n in 1..=4 {
        dispatcher.jobs.send(n).unwrap();
    }
    // ANCHOR: body
    drop(dispatcher); // the last job Sender goes: the job channel closes

    // Now `result_rx` can simply be drained: it closes when both workers end.
    let sum: u64 = result_rx.iter().sum();
    println!("4 jobs done, sum of squares = {sum}");

    let joined = workers.into_iter().map(|w| w.join().unwrap()).count();
    println!("{joined} workers joined, 0 still running");
    // ANCHOR_END: body
}
