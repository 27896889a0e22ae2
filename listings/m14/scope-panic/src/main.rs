use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

fn work(i: u32) -> u32 {
    if i == 3 {
        panic!("something went wrong");
    }
    i * 10
}

fn main() {
    // ANCHOR: scope
    let finished = AtomicU32::new(0);
    let report = ReportOnUnwind(&finished);
    thread::scope(|s| {
        for i in 0..5 {
            let finished = &finished;
            s.spawn(move || {
                work(i);
                finished.fetch_add(1, Ordering::SeqCst);
            });
        }
    }); // joins all five, then panics here because one of them panicked
    drop(report);
    println!("unreachable");
    // ANCHOR_END: scope
}

/// Prints how many workers finished, but only while the scope's panic is
/// unwinding `main` (drop code runs during unwinding).
struct ReportOnUnwind<'a>(&'a AtomicU32);

impl Drop for ReportOnUnwind<'_> {
    fn drop(&mut self) {
        if thread::panicking() {
            let n = self.0.load(Ordering::SeqCst);
            println!("5 scoped workers; {n} finished normally");
        }
    }
}
