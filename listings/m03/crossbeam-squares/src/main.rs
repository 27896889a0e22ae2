use crossbeam::channel::bounded;
use std::thread;

fn main() {
    // ANCHOR: body
    // Small bounded buffers: a fast stage waits for a slow one (back-pressure).
    let (jobs_tx, jobs_rx) = bounded::<u64>(2);
    let (results_tx, results_rx) = bounded::<u64>(2);

    let squares = thread::scope(|s| {
        // Producer: owns the only jobs Sender; dropping it closes `jobs`.
        s.spawn(move || {
            for n in 1..=5 {
                jobs_tx.send(n).unwrap();
            }
        });

        // Fan-out: three workers receive from clones of ONE Receiver (MPMC).
        // Each job goes to exactly one of them.
        for _ in 0..3 {
            let jobs = jobs_rx.clone();
            let results = results_tx.clone();
            s.spawn(move || {
                for n in jobs {
                    results.send(n * n).unwrap();
                }
            });
        }
        // Keep no endpoints here that the loops below would wait for.
        drop(jobs_rx);
        drop(results_tx);

        // Fan-in: all workers send into one channel. The loop ends when the
        // last worker drops its Sender: no WaitGroup, no closer goroutine.
        results_rx.iter().collect::<Vec<_>>()
    });

    let mut sorted = squares;
    sorted.sort_unstable(); // arrival order depends on scheduling
    println!("squares (sorted): {sorted:?}");
    // ANCHOR_END: body
}
