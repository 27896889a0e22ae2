use loom::sync::Arc;
use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::thread;

// ANCHOR: body
fn main() {
    // loom runs the closure once per possible interleaving of the threads' atomic
    // operations, and fails on the first interleaving that breaks the assertion.
    loom::model(|| {
        let hits = Arc::new(AtomicUsize::new(0));
        let workers: Vec<_> = (0..2)
            .map(|_| {
                let hits = Arc::clone(&hits);
                thread::spawn(move || {
                    let seen = hits.load(Ordering::SeqCst); // read...
                    hits.store(seen + 1, Ordering::SeqCst); // ...then write: not one step
                })
            })
            .collect();
        for w in workers {
            w.join().unwrap();
        }
        let total = hits.load(Ordering::SeqCst);
        assert!(total == 2, "lost an update: the counter is {total}");
    });
}
// ANCHOR_END: body
