use crossbeam::sync::WaitGroup;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

static FINISHED: AtomicUsize = AtomicUsize::new(0);
static FAILED: AtomicUsize = AtomicUsize::new(0);

// ANCHOR: body
fn main() {
    let wg = WaitGroup::new();

    for id in 0..3 {
        let done = wg.clone(); // Add(1); dropping `done` is Done()
        thread::spawn(move || {
            FINISHED.fetch_add(1, Ordering::SeqCst);
            let job: Result<u32, &str> = if id == 1 { Err("disk full") } else { Ok(id) };
            let Ok(_value) = job else {
                FAILED.fetch_add(1, Ordering::SeqCst);
                drop(done); // an explicit "Done" on the error path...
                return; // ...and no second one: `done` was moved into drop()
            };
            // On the normal path `done` is dropped here, at the end of the closure.
        });
    }

    wg.wait(); // every clone was dropped exactly once
    println!(
        "{} workers accounted for, {} of them failed",
        FINISHED.load(Ordering::SeqCst),
        FAILED.load(Ordering::SeqCst)
    );
}
// ANCHOR_END: body
