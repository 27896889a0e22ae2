use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Barrier, mpsc};
use std::thread;
use std::time::{Duration, Instant};

use signal_hook::consts::{SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

const WORKERS: usize = 3;
const GRACE: Duration = Duration::from_secs(3);

#[derive(Default)]
struct Jobs {
    started: AtomicU32,
    finished: AtomicU32,
}

fn main() {
    // ANCHOR: main
    // Registered first: from here on, SIGINT and SIGTERM are queued for `main` to read.
    let mut signals = Signals::new([SIGINT, SIGTERM]).expect("signal handlers");
    let stop = Arc::new(AtomicBool::new(false));
    let jobs = Arc::new(Jobs::default());
    let ready = Arc::new(Barrier::new(WORKERS + 1));
    let (done_tx, done_rx) = mpsc::channel();
    let mut handles = Vec::new();
    for _ in 0..WORKERS {
        let (stop, jobs, ready, done) =
            (stop.clone(), jobs.clone(), ready.clone(), done_tx.clone());
        handles.push(thread::spawn(move || {
            jobs.started.fetch_add(1, Ordering::Relaxed);
            ready.wait();
            loop {
                thread::sleep(Duration::from_millis(50)); // the job
                jobs.finished.fetch_add(1, Ordering::Relaxed);
                if stop.load(Ordering::Acquire) {
                    break; // checked between jobs only
                }
                jobs.started.fetch_add(1, Ordering::Relaxed);
            }
            done.send(()).expect("main waits for this");
        }));
    }
    ready.wait();
    println!("serving: {WORKERS} worker threads busy");

    let signal = signals
        .forever()
        .next()
        .expect("the iterator blocks until a signal");
    println!(
        "{}: no new jobs",
        if signal == SIGINT {
            "SIGINT"
        } else {
            "SIGTERM"
        }
    );
    stop.store(true, Ordering::Release);
    let deadline = Instant::now() + GRACE;
    let stopped = (0..WORKERS)
        .take_while(|_| {
            let left = deadline.saturating_duration_since(Instant::now());
            done_rx.recv_timeout(left).is_ok()
        })
        .count();
    if stopped < WORKERS {
        println!(
            "grace period over: {} workers still running",
            WORKERS - stopped
        );
        std::process::exit(1);
    }
    handles
        .into_iter()
        .for_each(|h| h.join().expect("no worker panicked"));
    println!("{stopped} workers stopped within the grace period");
    let (s, f) = (
        jobs.started.load(Ordering::Relaxed),
        jobs.finished.load(Ordering::Relaxed),
    );
    println!("every started job finished: {}", s == f);
    // ANCHOR_END: main
}
