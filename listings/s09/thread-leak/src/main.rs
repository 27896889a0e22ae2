use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// The kernel's view of this process's threads: one directory per thread (Linux only).
fn threads() -> usize {
    std::fs::read_dir("/proc/self/task").unwrap().count()
}

// ANCHOR: body
fn main() {
    println!("threads before: {}", threads());
    let (jobs, job_rx) = mpsc::channel::<u64>();
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (result_tx, results) = mpsc::channel();
    for _ in 0..5 {
        let (job_rx, result_tx) = (job_rx.clone(), result_tx.clone());
        thread::spawn(move || {
            loop {
                // Err only once every Sender is gone:
                let job = job_rx.lock().unwrap().recv();
                let Ok(n) = job else { return };
                result_tx.send(n * n).unwrap();
            }
        });
    }
    for n in 0..5 {
        jobs.send(n).unwrap();
    }
    let done = results.iter().take(5).count();
    println!("results: {done}");
    thread::sleep(Duration::from_millis(50)); // give the workers every chance to exit
    println!("threads after the work is done: {}", threads());
    // BUG: `jobs` is still alive here. `drop(jobs)` would end every worker's loop.

    loop {
        thread::park(); // a long-lived process
    }
}
// ANCHOR_END: body
