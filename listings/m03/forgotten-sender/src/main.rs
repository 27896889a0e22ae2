use crossbeam::channel::unbounded;
use std::thread;

fn main() {
    // ANCHOR: body
    let (jobs_tx, jobs_rx) = unbounded::<u64>();
    let (results_tx, results_rx) = unbounded::<u64>();
    for n in 1..=5 {
        jobs_tx.send(n).unwrap();
    }
    drop(jobs_tx);

    let workers: Vec<_> = (0..3)
        .map(|_| {
            let jobs = jobs_rx.clone();
            let results = results_tx.clone();
            thread::spawn(move || {
                for n in jobs {
                    results.send(n * n).unwrap();
                }
            })
        })
        .collect();
    // BUG: missing `drop(results_tx);` here. The Go twin forgets `close(results)`.

    let mut received = 0;
    for _square in results_rx.iter() {
        received += 1;
        if received == 5 {
            println!("received 5 of 5 results; waiting for the channel to close...");
        }
    }
    println!("never printed");
    // ANCHOR_END: body
    for w in workers {
        w.join().unwrap();
    }
}
