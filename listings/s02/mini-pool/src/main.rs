use crossbeam::deque::{Injector, Stealer, Worker};
use std::iter;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

// ANCHOR: find
/// Where an idle worker looks for its next task: its own queue, then a batch
/// from the shared injector, then the other workers' queues.
fn find_task<T>(
    local: &Worker<T>,
    global: &Injector<T>,
    stealers: &[Stealer<T>],
) -> Option<T> {
    local.pop().or_else(|| {
        iter::repeat_with(|| {
            global
                .steal_batch_and_pop(local)
                .or_else(|| stealers.iter().map(|s| s.steal()).collect())
        })
        .find(|s| !s.is_retry()) // Retry: lost a race with another thief, try again
        .and_then(|s| s.success())
    })
}
// ANCHOR_END: find

// ANCHOR: pool
fn main() {
    const TASKS: usize = 1000;
    const WORKERS: usize = 4;
    let global = Injector::new();
    for task in 0..TASKS {
        global.push(task);
    }
    let runs: Vec<AtomicUsize> = (0..TASKS).map(|_| AtomicUsize::new(0)).collect();
    let done = AtomicUsize::new(0);

    let locals: Vec<Worker<usize>> = (0..WORKERS).map(|_| Worker::new_fifo()).collect();
    let stealers: Vec<Stealer<usize>> = locals.iter().map(|w| w.stealer()).collect();
    thread::scope(|s| {
        for local in locals {
            let (global, stealers, runs, done) = (&global, &stealers, &runs, &done);
            s.spawn(move || {
                while done.load(Ordering::Acquire) < TASKS {
                    match find_task(&local, global, stealers) {
                        Some(task) => {
                            runs[task].fetch_add(1, Ordering::Relaxed); // "run" the task
                            done.fetch_add(1, Ordering::Release);
                        }
                        None => thread::yield_now(), // a real pool would park here
                    }
                }
            });
        }
    });

    println!("tasks run: {}", done.load(Ordering::Relaxed));
    let once = runs.iter().all(|r| r.load(Ordering::Relaxed) == 1);
    println!(
        "every task ran exactly once: {}",
        if once { "yes" } else { "no" }
    );
}
// ANCHOR_END: pool
