//! Linux only: reads memory figures from /proc/self/status.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier, RwLock};
use std::thread;
use std::time::{Duration, Instant};

const THREADS: usize = 250;
const TASKS: usize = 25_000;

// ANCHOR: probe
/// Reads one line such as `VmRSS:    2048 kB` from /proc/self/status, in KiB.
fn status_kib(field: &str) -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("needs Linux /proc");
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("no {field} line in /proc/self/status"))
}

/// The kernel stacks of every thread on the machine, in KiB (`KernelStack` in
/// /proc/meminfo).
/// A system-wide figure: other processes starting threads at the same time blur it.
fn kernel_stacks_kib() -> f64 {
    let meminfo = std::fs::read_to_string("/proc/meminfo").expect("needs Linux /proc");
    meminfo
        .lines()
        .find_map(|line| line.strip_prefix("KernelStack:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("no KernelStack line in /proc/meminfo")
}

/// What `count` parked units added to the process, divided per unit.
struct Cost {
    resident_kib: f64,
    kernel_stack_kib: f64,
    reserved_kib: f64,
    start_micros: f64,
}

impl Cost {
    fn per_unit(count: usize, rss: (f64, f64), size: (f64, f64), took: Duration) -> Cost {
        let n = count as f64;
        Cost {
            resident_kib: (rss.1 - rss.0) / n,
            kernel_stack_kib: 0.0,
            reserved_kib: (size.1 - size.0) / n,
            start_micros: took.as_secs_f64() * 1e6 / n,
        }
    }
}
// ANCHOR_END: probe

// ANCHOR: threads
fn park_threads() -> Cost {
    // Every thread blocks on `gate.read()` while main holds the write lock.
    let gate = Arc::new(RwLock::new(()));
    let closed = gate.write().unwrap();
    // The barrier tells main that every thread has started and run.
    let all_started = Arc::new(Barrier::new(THREADS + 1));

    let (rss0, size0) = (status_kib("VmRSS"), status_kib("VmSize"));
    let kernel0 = kernel_stacks_kib();
    let start = Instant::now();
    let handles: Vec<_> = (0..THREADS)
        .map(|_| {
            let gate = Arc::clone(&gate);
            let all_started = Arc::clone(&all_started);
            thread::spawn(move || {
                all_started.wait();
                drop(gate.read().unwrap()); // parked here until main opens the gate
            })
        })
        .collect();
    all_started.wait();
    let took = start.elapsed();
    let (rss1, size1) = (status_kib("VmRSS"), status_kib("VmSize"));
    let kernel1 = kernel_stacks_kib();

    drop(closed); // open the gate: every thread returns
    for handle in handles {
        handle.join().unwrap();
    }
    Cost {
        kernel_stack_kib: (kernel1 - kernel0) / THREADS as f64,
        ..Cost::per_unit(THREADS, (rss0, rss1), (size0, size1), took)
    }
}
// ANCHOR_END: threads

// ANCHOR: tasks
fn park_tasks() -> Cost {
    // One OS thread runs every task, so no worker threads blur the figures.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    let cost = runtime.block_on(async {
        let gate = Arc::new(tokio::sync::RwLock::new(()));
        let _closed = gate.write().await;
        // The last task to start wakes main (a cheaper barrier for many tasks).
        let not_started = Arc::new(AtomicUsize::new(TASKS));
        let all_started = Arc::new(tokio::sync::Notify::new());

        let (rss0, size0) = (status_kib("VmRSS"), status_kib("VmSize"));
        let start = Instant::now();
        for _ in 0..TASKS {
            let gate = Arc::clone(&gate);
            let not_started = Arc::clone(&not_started);
            let all_started = Arc::clone(&all_started);
            tokio::spawn(async move {
                if not_started.fetch_sub(1, Ordering::Relaxed) == 1 {
                    all_started.notify_one();
                }
                drop(gate.read().await); // parked here; the gate never opens
            });
        }
        all_started.notified().await;
        let took = start.elapsed();
        let (rss1, size1) = (status_kib("VmRSS"), status_kib("VmSize"));
        Cost::per_unit(TASKS, (rss0, rss1), (size0, size1), took)
    });
    // Dropping the runtime drops every parked task: a task can be cancelled from outside.
    drop(runtime);
    cost
}
// ANCHOR_END: tasks

// ANCHOR: main
fn main() {
    // Tasks first: memory they free can only make the threads look cheaper.
    let task = park_tasks();
    let thread = park_threads();

    println!(
        "{THREADS} parked threads: {:.1} KiB resident, {:.0} KiB reserved, \
         {:.1} µs to start, each",
        thread.resident_kib, thread.reserved_kib, thread.start_micros
    );
    println!(
        "{THREADS} parked threads: kernel stacks grew by {:.1} KiB each \
         (not in the process's figures)",
        thread.kernel_stack_kib
    );
    println!(
        "{TASKS} parked tasks: {:.2} KiB resident, {:.2} KiB reserved, \
         {:.2} µs to start, each",
        task.resident_kib, task.reserved_kib, task.start_micros
    );
    let verdict = if task.resident_kib < thread.resident_kib {
        "yes"
    } else {
        "no"
    };
    println!("a parked task costs less memory than a parked thread: {verdict}");
}
// ANCHOR_END: main
