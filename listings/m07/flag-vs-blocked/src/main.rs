use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::thread;

fn main() {
    // ANCHOR: body
    let stop = Arc::new(AtomicBool::new(false));
    let (tx, rx) = mpsc::channel::<u32>();

    // Looks at the flag between small units of work.
    let polling = {
        let stop = Arc::clone(&stop);
        thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                std::hint::spin_loop(); // one unit of work
            }
        })
    };

    // Spends its life blocked in recv: it cannot look at any flag there.
    let blocked = {
        let stop = Arc::clone(&stop);
        thread::spawn(move || {
            while let Ok(_msg) = rx.recv() {
                if stop.load(Ordering::Relaxed) {
                    break;
                }
            }
            println!("blocked worker: channel closed, exiting");
        })
    };

    stop.store(true, Ordering::Relaxed);
    println!("stop flag set");
    polling.join().unwrap();
    println!("polling worker: saw the flag, joined");

    // `tx` is alive and silent, so nothing can wake `blocked`.
    let finished = if blocked.is_finished() { "yes" } else { "no" };
    println!("blocked worker finished after the flag: {finished}");

    drop(tx); // the wake-up a blocked receiver understands
    blocked.join().unwrap();
    println!("blocked worker: joined");
    // ANCHOR_END: body
}
