use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, Mutex};
use std::thread;

const ROUNDS: usize = 1000;

fn main() {
    let accounts = Arc::new(Mutex::new(100_i64));
    let audit = Arc::new(Mutex::new(0_i64));
    // The barrier stands in for a scheduler that runs both threads in step, which a real
    // one does only sometimes: here it happens every round, so the output is always the
    // same.
    let step = Arc::new(Barrier::new(2));
    let failures = Arc::new(AtomicUsize::new(0));

    // ANCHOR: body
    // Each thread locks its first mutex, tries the second, and on failure releases and
    // retries at once: the same rule, at the same moment, on both threads.
    let worker = |first: Arc<Mutex<i64>>, second: Arc<Mutex<i64>>| {
        let (step, failures) = (step.clone(), failures.clone());
        thread::spawn(move || {
            let mut successes = 0;
            for _ in 0..ROUNDS {
                let held = first.lock().unwrap();
                step.wait(); // both hold their first lock
                match second.try_lock() {
                    Ok(_both) => successes += 1,
                    Err(_) => _ = failures.fetch_add(1, Ordering::Relaxed),
                }
                step.wait(); // both have tried
                drop(held); // back off... and go round again, in step
            }
            successes
        })
    };
    // ANCHOR_END: body
    let a = worker(accounts.clone(), audit.clone());
    let b = worker(audit.clone(), accounts.clone());
    let (a, b) = (a.join().unwrap(), b.join().unwrap());
    let failed = failures.load(Ordering::Relaxed);
    println!(
        "after {ROUNDS} rounds: A got both locks {a} times, B {b} times; \
         {failed} failed try_locks"
    );
}
