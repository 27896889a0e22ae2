use loom::sync::Arc;
use loom::sync::atomic::{AtomicUsize, Ordering};
use loom::thread;

// ANCHOR: body
static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

fn main() {
    loom::model(|| {
        RUNS.fetch_add(1, std::sync::atomic::Ordering::Relaxed); // a plain std counter
        let hits = Arc::new(AtomicUsize::new(0));
        let workers: Vec<_> = (0..2)
            .map(|_| {
                let hits = Arc::clone(&hits);
                thread::spawn(move || {
                    hits.fetch_add(1, Ordering::SeqCst); // read and write in one step
                })
            })
            .collect();
        for w in workers {
            w.join().unwrap();
        }
        assert_eq!(hits.load(Ordering::SeqCst), 2);
    });
    let runs = RUNS.load(std::sync::atomic::Ordering::Relaxed);
    println!(
        "every explored interleaving counted 2; more than one explored: {}",
        runs > 1
    );
}
// ANCHOR_END: body
