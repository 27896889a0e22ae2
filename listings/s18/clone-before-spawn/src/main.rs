use crossbeam::sync::WaitGroup;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

fn main() {
    // ANCHOR: body
    let wg = WaitGroup::new();
    let finished = Arc::new(AtomicUsize::new(0));
    for _ in 0..4 {
        let wg = wg.clone(); // registered here, on the spawning thread, before the spawn
        let finished = finished.clone();
        thread::spawn(move || {
            finished.fetch_add(1, Ordering::SeqCst);
            drop(wg); // this is `Done`
        });
    }
    wg.wait(); // consumes the last handle: nobody can register after this
    println!(
        "finished before wait returned: {} of 4",
        finished.load(Ordering::SeqCst)
    );
    // ANCHOR_END: body
}
