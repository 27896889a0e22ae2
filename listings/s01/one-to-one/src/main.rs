use std::sync::{Arc, Barrier};
use std::thread;

// ANCHOR: body
/// The kernel's own count of this process's threads (Linux only).
fn kernel_threads() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("Threads:")).unwrap();
    line["Threads:".len()..].trim().parse().unwrap()
}

fn main() {
    println!("kernel threads before: {}", kernel_threads());

    let all_started = Arc::new(Barrier::new(101));
    let release = Arc::new(Barrier::new(101));
    let handles: Vec<_> = (0..100)
        .map(|_| {
            let (all_started, release) = (all_started.clone(), release.clone());
            thread::spawn(move || {
                all_started.wait();
                release.wait(); // parked in the kernel (a futex) until main arrives
            })
        })
        .collect();

    all_started.wait(); // all 100 exist now
    println!(
        "kernel threads while 100 std threads wait: {}",
        kernel_threads()
    );
    release.wait();
    for h in handles {
        h.join().unwrap();
    }
    // join returns once a thread has cleared its id, a moment before the kernel
    // unlinks it from the process: give the count a few milliseconds to settle.
    let mut after = kernel_threads();
    for _ in 0..1000 {
        if after == 1 {
            break;
        }
        thread::sleep(std::time::Duration::from_millis(1));
        after = kernel_threads();
    }
    println!("kernel threads after they are joined: {after}");
}
// ANCHOR_END: body
