//! Linux only: reads /proc/self/maps, /proc/self/limits and /proc/sys.
use std::sync::{Arc, Barrier, RwLock};
use std::thread;

const THREADS: usize = 200;

/// How many memory mappings the process has: one line of /proc/self/maps each.
fn mappings() -> usize {
    let maps = std::fs::read_to_string("/proc/self/maps").expect("needs Linux /proc");
    maps.lines().count()
}

/// A number from a file such as /proc/sys/vm/max_map_count.
fn sysctl(path: &str) -> usize {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.trim()
        .parse()
        .unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The soft limit on processes (threads count as processes): `ulimit -u`.
fn max_user_processes() -> String {
    let limits = std::fs::read_to_string("/proc/self/limits").expect("needs Linux /proc");
    let line = limits
        .lines()
        .find(|line| line.starts_with("Max processes"))
        .expect("no `Max processes` line in /proc/self/limits");
    line.split_whitespace().nth(2).unwrap().to_string()
}

/// Parks `THREADS` threads, and returns the mappings they added, per thread.
fn mappings_per_thread() -> usize {
    let gate = Arc::new(RwLock::new(()));
    let closed = gate.write().unwrap();
    let all_started = Arc::new(Barrier::new(THREADS + 1));

    let before = mappings();
    let handles: Vec<_> = (0..THREADS)
        .map(|_| {
            let gate = Arc::clone(&gate);
            let all_started = Arc::clone(&all_started);
            thread::spawn(move || {
                all_started.wait();
                drop(gate.read().unwrap()); // parked until main opens the gate
            })
        })
        .collect();
    all_started.wait();
    let after = mappings();

    drop(closed);
    for handle in handles {
        handle.join().unwrap();
    }
    // Rounded: the allocator may add a few mappings of its own for some threads.
    (after - before + THREADS / 2) / THREADS
}

// ANCHOR: main
fn main() {
    let per_thread = mappings_per_thread();
    let max_map_count = sysctl("/proc/sys/vm/max_map_count");
    let room = max_map_count.saturating_sub(mappings()) / per_thread.max(1);

    println!("each parked thread adds {per_thread} memory mappings");
    println!("vm.max_map_count = {max_map_count}: room for about {room} more threads");
    println!("kernel.pid_max = {}", sysctl("/proc/sys/kernel/pid_max"));
    println!(
        "kernel.threads-max = {}",
        sysctl("/proc/sys/kernel/threads-max")
    );
    println!("max user processes (ulimit -u) = {}", max_user_processes());
    let verdict = if per_thread >= 2 { "yes" } else { "no" };
    println!("every parked thread adds at least 2 memory mappings: {verdict}");
}
// ANCHOR_END: main
