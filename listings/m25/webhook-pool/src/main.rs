use crossbeam::channel::{Receiver, bounded};
use std::collections::HashSet;
use std::thread;
use std::time::Duration;

const WORKERS: usize = 3;
const QUEUE_CAPACITY: usize = 4;
const MAX_ATTEMPTS: u32 = 3;

#[derive(Debug, Clone)]
struct Event {
    id: u32,
    source: &'static str,
    seq: usize,     // arrival position, to check ordering afterwards
    flaky_for: u32, // simulation: how many attempts fail before one succeeds
}

#[derive(Debug)]
enum Status {
    Delivered { attempts: u32 },
    DeadLettered { attempts: u32, error: String },
    Duplicate,
}

#[derive(Debug)]
struct Report {
    event: Event,
    status: Status,
}

/// The downstream call (a database write, a notification). No network here:
/// an event fails its first `flaky_for` attempts.
fn apply(event: &Event, attempt: u32) -> Result<(), String> {
    if attempt <= event.flaky_for {
        Err("ledger returned 503".to_string())
    } else {
        Ok(())
    }
}

/// Any stable function of the key works; all events of a source go to one worker.
fn shard(source: &str) -> usize {
    source.bytes().map(usize::from).sum::<usize>() % WORKERS
}

// ANCHOR: worker
fn worker(queue: Receiver<Event>) -> Vec<Report> {
    let mut seen = HashSet::new(); // this shard owns its keys: no lock needed
    let mut reports = Vec::new();
    for event in queue {
        // Providers redeliver; processing must be idempotent.
        if seen.contains(&event.id) {
            reports.push(Report {
                event,
                status: Status::Duplicate,
            });
            continue;
        }
        let mut attempt = 1;
        let status = loop {
            match apply(&event, attempt) {
                Ok(()) => break Status::Delivered { attempts: attempt },
                Err(error) if attempt == MAX_ATTEMPTS => {
                    break Status::DeadLettered {
                        attempts: attempt,
                        error,
                    };
                }
                Err(_) => {
                    thread::sleep(Duration::from_millis(1 << attempt)); // back-off: 2, 4 ms
                    attempt += 1;
                }
            }
        };
        // Mark the id only once it has been applied: an event that failed is
        // not a duplicate, and a redelivery of it deserves another try.
        if let Status::Delivered { .. } = status {
            seen.insert(event.id);
        }
        reports.push(Report { event, status });
    }
    reports // the queue is closed and drained
}
// ANCHOR_END: worker

fn incoming() -> Vec<Event> {
    let raw = [
        (1, "stripe", 0),
        (2, "paypal", 1),
        (3, "stripe", 0),
        (4, "adyen", 0),
        (5, "paypal", 0),
        (3, "stripe", 0), // redelivery of #3
        (6, "stripe", 2),
        (7, "adyen", 5), // never succeeds
        (8, "paypal", 0),
        (9, "adyen", 0),
        (10, "stripe", 0),
    ];
    raw.into_iter()
        .enumerate()
        .map(|(seq, (id, source, flaky_for))| Event {
            id,
            source,
            seq,
            flaky_for,
        })
        .collect()
}

fn main() {
    // ANCHOR: main
    let reports: Vec<Report> = thread::scope(|s| {
        let mut queues = Vec::new();
        let mut workers = Vec::new();
        for _ in 0..WORKERS {
            let (tx, rx) = bounded(QUEUE_CAPACITY);
            queues.push(tx);
            workers.push(s.spawn(move || worker(rx)));
        }
        // The "HTTP handler": a full queue blocks it, which pushes back on the
        // provider instead of piling events up in memory.
        for event in incoming() {
            queues[shard(event.source)].send(event).unwrap();
        }
        drop(queues); // close every queue: workers drain them and return
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap()) // every worker is joined
            .collect()
    });
    // ANCHOR_END: main

    // Per-source order: within each source, sequence numbers must ascend.
    let ordered = ["stripe", "paypal", "adyen"].iter().all(|src| {
        let seqs: Vec<usize> = reports
            .iter()
            .filter(|r| r.event.source == *src)
            .map(|r| r.event.seq)
            .collect();
        seqs.windows(2).all(|w| w[0] < w[1])
    });

    let mut reports = reports;
    reports.sort_by_key(|r| r.event.seq); // the workers ran in parallel: sort first
    reports.sort_by_key(|r| r.event.id); // stable: a duplicate follows its original
    let (mut delivered, mut dead, mut dup) = (0, 0, 0);
    for Report { event, status } in &reports {
        let what = match status {
            Status::Delivered { attempts: 1 } => "delivered after 1 attempt".to_string(),
            Status::Delivered { attempts } => {
                format!("delivered after {attempts} attempts")
            }
            Status::DeadLettered { attempts, error } => {
                format!("dead-lettered after {attempts} attempts ({error})")
            }
            Status::Duplicate => "duplicate delivery skipped".to_string(),
        };
        match status {
            Status::Delivered { .. } => delivered += 1,
            Status::DeadLettered { .. } => dead += 1,
            Status::Duplicate => dup += 1,
        }
        println!("#{} {}: {what}", event.id, event.source);
    }
    println!(
        "{delivered} delivered, {dead} dead-lettered, {dup} duplicate; \
         per-source order kept: {ordered}"
    );
}
