use crossbeam::channel::bounded;
use std::thread;

// ANCHOR: body
struct Job {
    index: usize,
    input: u64,
}

fn process(input: u64) -> u64 {
    input * 2
}

fn main() {
    let inputs = [1, 2, 3, 4, 5];
    let workers = 3;
    let (jobs_tx, jobs_rx) = bounded::<Job>(workers); // bounded: back-pressure
    let (results_tx, results_rx) = bounded::<(usize, u64)>(workers);

    let (results, per_worker) = thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                let jobs = jobs_rx.clone();
                let results = results_tx.clone();
                s.spawn(move || {
                    let mut done = 0;
                    for job in jobs {
                        results.send((job.index, process(job.input))).unwrap();
                        done += 1;
                    }
                    done // how many jobs this worker took
                })
            })
            .collect();
        drop(results_tx); // only workers may keep `results` open

        // Feed jobs from a separate thread, so that main can collect results
        // at the same time: with bounded channels, doing both on one thread
        // could block on a full `jobs` while `results` fills up.
        s.spawn(move || {
            for (index, &input) in inputs.iter().enumerate() {
                jobs_tx.send(Job { index, input }).unwrap();
            }
        }); // jobs_tx dropped: workers' loops end once the queue is empty

        let mut ordered = vec![0; inputs.len()];
        for (index, value) in results_rx {
            ordered[index] = value; // arrival order varies; the index does not
        }
        let per_worker: Vec<usize> =
            handles.into_iter().map(|h| h.join().unwrap()).collect();
        (ordered, per_worker)
    });

    println!("results in job order: {results:?}");
    let total: usize = per_worker.iter().sum();
    println!(
        "jobs done per worker add up to 5: {}",
        if total == 5 { "yes" } else { "no" }
    );
}
// ANCHOR_END: body
