use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;
use std::time::Duration;

// ANCHOR: body
/// A job far too long to ever finish: u64::MAX steps.
fn long_job(stop: &AtomicBool) -> Result<u64, u64> {
    let mut acc = 0u64;
    for step in 0..u64::MAX {
        // Check between units of work. Relaxed is enough: the flag carries no
        // data, and we only need to see it "eventually".
        if stop.load(Ordering::Relaxed) {
            return Err(step);
        }
        acc = black_box(acc.wrapping_mul(31).wrapping_add(step));
    }
    Ok(acc)
}

fn main() {
    let stop = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel();
    let worker = {
        let stop = Arc::clone(&stop);
        thread::spawn(move || {
            let outcome = long_job(&stop);
            if let Ok(v) = outcome {
                let _ = tx.send(v);
            }
            outcome
        })
    };

    if rx.recv_timeout(Duration::from_millis(50)).is_err() {
        println!("main: no result within 50ms, asking the worker to stop");
        stop.store(true, Ordering::Relaxed);
    }
    let outcome = worker.join().unwrap();
    println!(
        "worker: stopped early: {}",
        if outcome.is_err() { "yes" } else { "no" }
    );
    println!("main: worker joined");
}
// ANCHOR_END: body
