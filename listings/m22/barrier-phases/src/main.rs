use std::sync::Barrier;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

const THREADS: usize = 4;
const PHASES: usize = 3;

fn main() {
    // ANCHOR: body
    let barrier = Barrier::new(THREADS); // one barrier, reused every phase
    let arrived: [AtomicUsize; PHASES] = Default::default();
    let fewest_seen: [AtomicUsize; PHASES] =
        std::array::from_fn(|_| AtomicUsize::new(usize::MAX));
    let leaders = AtomicUsize::new(0);

    thread::scope(|s| {
        for _ in 0..THREADS {
            s.spawn(|| {
                for phase in 0..PHASES {
                    arrived[phase].fetch_add(1, Ordering::SeqCst); // this phase's work
                    if barrier.wait().is_leader() {
                        leaders.fetch_add(1, Ordering::SeqCst);
                    }
                    // Past the barrier: all THREADS arrivals must be visible.
                    let seen = arrived[phase].load(Ordering::SeqCst);
                    fewest_seen[phase].fetch_min(seen, Ordering::SeqCst);
                }
            });
        }
    });
    // ANCHOR_END: body

    for (phase, seen) in fewest_seen.iter().enumerate() {
        let seen = seen.load(Ordering::SeqCst);
        println!(
            "phase {}: every thread saw {seen} of {THREADS} arrivals after the barrier",
            phase + 1
        );
    }
    let leaders = leaders.load(Ordering::SeqCst);
    println!("leaders chosen: {leaders} (one per phase)");
}
