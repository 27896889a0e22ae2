use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

fn main() {
    // ANCHOR: body
    let finished = AtomicUsize::new(0);
    thread::scope(|s| {
        for _ in 0..3 {
            s.spawn(|| {
                // A worker that starts more work: no Add to forget, no Add to race with.
                s.spawn(|| finished.fetch_add(1, Ordering::SeqCst));
                finished.fetch_add(1, Ordering::SeqCst);
            });
        }
    }); // returns only when all six threads, nested ones included, are done
    println!(
        "finished when the scope returned: {} of 6",
        finished.load(Ordering::SeqCst)
    );
    // ANCHOR_END: body
}
