use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let start = Instant::now();
    let running = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));

    // ANCHOR: body
    let permits = Arc::new(Semaphore::new(3));
    let mut set = JoinSet::new();
    let mut results = Vec::new();
    let mut most_in_set = 0;
    for job in 1..=20u64 {
        // Wait for a free slot BEFORE spawning: at most 3 jobs run at a
        // time, and this loop is held back when the pool is busy.
        let permit = Arc::clone(&permits).acquire_owned().await.unwrap();
        // Reap the tasks that have finished: a JoinSet keeps every finished
        // task (and its output) until it is joined.
        while let Some(done) = set.try_join_next() {
            results.push(done.expect("a job panicked"));
        }
        let (running, peak) = (Arc::clone(&running), Arc::clone(&peak));
        set.spawn(async move {
            let now = running.fetch_add(1, Ordering::SeqCst) + 1;
            peak.fetch_max(now, Ordering::SeqCst);
            sleep(Duration::from_millis(10)).await; // the work
            running.fetch_sub(1, Ordering::SeqCst);
            drop(permit); // frees the slot (also happens if the task panics)
            job * 2
        });
        most_in_set = most_in_set.max(set.len());
    }
    while let Some(done) = set.join_next().await {
        results.push(done.expect("a job panicked"));
    }
    // ANCHOR_END: body

    let sum: u64 = results.iter().sum();
    println!("{} jobs done, sum of results = {sum}", results.len());
    let ok = peak.load(Ordering::SeqCst) <= 3;
    println!(
        "never more than 3 jobs at once: {}",
        if ok { "yes" } else { "no" }
    );
    let reaped = most_in_set <= 3;
    println!(
        "the JoinSet never held more than 3 tasks: {}",
        if reaped { "yes" } else { "no" }
    );
    println!(
        "finished at t={}ms (20 jobs of 10ms, 3 at a time)",
        start.elapsed().as_millis()
    );
}
