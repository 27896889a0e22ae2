use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::thread;
use std::time::Duration;

// ANCHOR: body
fn main() {
    // Two more spinning threads than there are CPUs to run them.
    let cpus = thread::available_parallelism().unwrap().get();
    let stop = Arc::new(AtomicBool::new(false));
    let spins: Arc<Vec<AtomicU64>> =
        Arc::new((0..cpus + 2).map(|_| AtomicU64::new(0)).collect());

    let handles: Vec<_> = (0..cpus + 2)
        .map(|i| {
            let (stop, spins) = (stop.clone(), spins.clone());
            // No blocking call, no yield: only preemption can take its CPU away.
            thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    spins[i].fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();

    // main polls until every spinner has counted at least once. If the kernel never
    // took a CPU away from a running spinner, this loop could not finish.
    while spins.iter().any(|s| s.load(Ordering::Relaxed) == 0) {
        thread::sleep(Duration::from_millis(1));
    }
    stop.store(true, Ordering::Relaxed);
    for h in handles {
        h.join().unwrap();
    }
    println!("every spinner ran, and main got a CPU back to stop them: yes");
}
// ANCHOR_END: body
