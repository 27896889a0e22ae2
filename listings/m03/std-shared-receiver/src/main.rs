use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    // ANCHOR: body
    let (jobs_tx, jobs_rx) = mpsc::channel::<u32>();
    let jobs_rx = Arc::new(Mutex::new(jobs_rx));
    let (done_tx, done_rx) = mpsc::channel::<u32>();

    let workers: Vec<_> = (0..4)
        .map(|_| {
            let jobs = Arc::clone(&jobs_rx);
            let done = done_tx.clone();
            thread::spawn(move || {
                loop {
                    // The guard is a temporary: it is dropped at the end of
                    // this statement, so the lock is NOT held while working.
                    let next = jobs.lock().unwrap().recv();
                    let Ok(job) = next else { break }; // channel closed
                    done.send(job).unwrap();
                }
            })
        })
        .collect();
    drop(done_tx);

    for job in 0..20 {
        jobs_tx.send(job).unwrap();
    }
    drop(jobs_tx); // close: each worker's recv returns Err once the queue is empty

    let mut seen: Vec<u32> = done_rx.iter().collect();
    seen.sort_unstable();
    let once = seen == (0..20).collect::<Vec<_>>();
    println!(
        "20 jobs, each processed exactly once: {}",
        if once { "yes" } else { "no" }
    );

    let joined = workers.into_iter().map(|w| w.join().unwrap()).count();
    println!("{joined} workers joined");
    // ANCHOR_END: body
}
