use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

fn main() {
    let counter = Arc::new(AtomicUsize::new(0));

    let handles: Vec<_> = (0..1000)
        .map(|_| {
            let counter = Arc::clone(&counter);
            thread::spawn(move || {
                counter.fetch_add(1, Ordering::Relaxed);
            })
        })
        .collect();

    let joined = handles.into_iter().map(|h| h.join().unwrap()).count();
    println!(
        "joined {joined} threads, counter = {}",
        counter.load(Ordering::Relaxed)
    );
}
