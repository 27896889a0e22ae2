use parking_lot::{Mutex, deadlock};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Duration;

fn main() {
    // The lock-order inversion from before, with parking_lot's Mutex.
    let accounts = Arc::new(Mutex::new(100));
    let audit = Arc::new(Mutex::new(0));
    let both_hold_one = Arc::new(Barrier::new(2));
    for (first, second) in [(accounts.clone(), audit.clone()), (audit, accounts)] {
        let barrier = both_hold_one.clone();
        thread::spawn(move || {
            let _one = first.lock();
            barrier.wait();
            let _two = second.lock(); // the other thread holds it
        });
    }

    // ANCHOR: watchdog
    // A watchdog: every 10 ms, ask parking_lot whether any of its locks form a cycle.
    let watchdog = thread::spawn(|| {
        loop {
            thread::sleep(Duration::from_millis(10));
            let cycles = deadlock::check_deadlock();
            if cycles.is_empty() {
                continue;
            }
            // Each cycle lists its threads; `ThreadInfo::backtrace()` has each one's stack
            // (printed in a real service; its frames vary, so this listing only counts
            // them).
            println!(
                "watchdog: {} cycle of {} threads",
                cycles.len(),
                cycles[0].len()
            );
            return;
        }
    });
    watchdog.join().unwrap();
    // ANCHOR_END: watchdog
    println!("watchdog: both workers are stuck; exiting");
    // Returning from main ends the process, and the two deadlocked threads with it.
}
