use std::hint::black_box;
use std::rc::Rc;
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::Instant;

const PAIRS: u32 = 1_000_000;

// ANCHOR: body
/// Average nanoseconds of one clone plus one drop.
fn per_pair(started: Instant) -> f64 {
    started.elapsed().as_nanos() as f64 / f64::from(PAIRS)
}

fn rc_pairs(rc: &Rc<u64>) -> f64 {
    let t = Instant::now();
    for _ in 0..PAIRS {
        drop(black_box(Rc::clone(black_box(rc))));
    }
    per_pair(t)
}

fn arc_pairs(arc: &Arc<u64>) -> f64 {
    let t = Instant::now();
    for _ in 0..PAIRS {
        drop(black_box(Arc::clone(black_box(arc))));
    }
    per_pair(t)
}

fn main() {
    let rc = Rc::new(1);
    let arc = Arc::new(1);
    let rc_ns = rc_pairs(&rc);
    let arc_ns = arc_pairs(&arc);

    // Two threads cloning and dropping the same `Arc`: one count, two cores.
    let start = Barrier::new(2);
    let contended_ns = thread::scope(|s| {
        let other = s.spawn(|| {
            start.wait();
            arc_pairs(&arc)
        });
        start.wait();
        let mine = arc_pairs(&arc);
        (mine + other.join().unwrap()) / 2.0
    });

    println!("Rc  clone+drop, one thread:           {rc_ns:6.1} ns");
    println!("Arc clone+drop, one thread:           {arc_ns:6.1} ns");
    println!("Arc clone+drop, two threads, one Arc: {contended_ns:6.1} ns");
    let back_to_one = Rc::strong_count(&rc) == 1 && Arc::strong_count(&arc) == 1;
    let pairs = 4 * PAIRS; // Rc, Arc, and the two contending threads
    println!("every count back to 1 after {pairs} clone/drop pairs: {back_to_one}");
}
// ANCHOR_END: body
