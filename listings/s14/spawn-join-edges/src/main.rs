use std::sync::atomic::{AtomicU64, Ordering::Relaxed};
use std::thread;

static VALUE: AtomicU64 = AtomicU64::new(0);

fn main() {
    // ANCHOR: body
    VALUE.store(1, Relaxed); // before the spawn...
    let t = thread::spawn(|| {
        let seen = VALUE.load(Relaxed); // ...so visible here: spawn is an edge
        VALUE.store(2, Relaxed);
        seen
    });
    let seen_by_thread = t.join().unwrap(); // the thread's end is an edge to join's return
    println!("thread saw {seen_by_thread}");
    println!("main saw {} after join", VALUE.load(Relaxed));
    // ANCHOR_END: body
}
