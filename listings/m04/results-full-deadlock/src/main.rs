use crossbeam::channel::bounded;
use std::thread;

fn main() {
    // ANCHOR: body
    let (jobs_tx, jobs_rx) = bounded::<u64>(5);
    let (results_tx, results_rx) = bounded::<u64>(2); // smaller than the job count

    let workers: Vec<_> = (0..3)
        .map(|_| {
            let jobs = jobs_rx.clone();
            let results = results_tx.clone();
            thread::spawn(move || {
                for n in jobs {
                    results.send(n * 2).unwrap(); // third result on: waits for room
                }
            })
        })
        .collect();
    drop(results_tx);

    for n in 1..=5 {
        jobs_tx.send(n).unwrap();
    }
    drop(jobs_tx);
    println!("all jobs queued; joining workers before reading results...");

    // BUG: wait for the workers first, read results afterwards (Go: wg.Wait()
    // before ranging over results). Two results fit; the other three senders
    // wait for room that only the loop below would make.
    for w in workers {
        w.join().unwrap();
    }
    for r in results_rx {
        println!("{r}");
    }
    // ANCHOR_END: body
}
