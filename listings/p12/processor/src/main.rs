use crossbeam::channel::{Receiver, Sender, TrySendError, bounded};
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

const LINES: u32 = 4_000;
const CAPACITY: usize = 64;
const PARSERS: usize = 4;

/// Writes the input: line i is derived from i alone, so every run (and the Go
/// listing) reads the same file. Every 1000th line is garbage.
fn generate(path: &Path) -> std::io::Result<()> {
    let mut out = BufWriter::new(File::create(path)?);
    for i in 0..LINES {
        let h = i.wrapping_mul(2654435761); // a multiplicative hash of the line number
        let level = match h % 100 {
            0..70 => "INFO",
            70..95 => "WARN",
            _ => "ERROR",
        };
        let service = ["api", "auth", "billing"][(h >> 8) as usize % 3];
        let latency = (h >> 12) % 500;
        if i % 1000 == 999 {
            writeln!(out, "~~ truncated line {i}")?;
        } else {
            writeln!(
                out,
                "ts={i} level={level} svc={service} latency_ms={latency}"
            )?;
        }
    }
    out.flush()
}

// ANCHOR: parse
struct Record {
    level: String,
    service: String,
    latency_ms: u64,
}

fn parse(line: &str) -> Option<Record> {
    let mut fields = line.split(' ').map(|f| f.split_once('='));
    let (Some(("ts", _)), Some(("level", level)), Some(("svc", service))) =
        (fields.next()?, fields.next()?, fields.next()?)
    else {
        return None;
    };
    let latency_ms = fields.next()??.1.parse().ok()?;
    Some(Record {
        level: level.into(),
        service: service.into(),
        latency_ms,
    })
}
// ANCHOR_END: parse

// ANCHOR: depth
/// A sender that remembers the deepest queue it has seen right after a send.
fn send_tracked<T>(tx: &Sender<T>, item: T, deepest: &AtomicUsize) {
    tx.send(item).unwrap();
    deepest.fetch_max(tx.len(), Ordering::Relaxed);
}
// ANCHOR_END: depth

#[derive(Default)]
struct Totals {
    by_level: BTreeMap<String, u64>,
    by_service: BTreeMap<String, (u64, u64, u64)>, // (requests, latency sum, max)
    garbage: u64,
}

fn main() -> std::io::Result<()> {
    let path =
        std::env::temp_dir().join(format!("p12-processor-{}.log", std::process::id()));
    generate(&path)?;

    // ANCHOR: pipeline
    let (line_tx, line_rx) = bounded::<String>(CAPACITY);
    let (rec_tx, rec_rx) = bounded::<Option<Record>>(CAPACITY);
    let (line_deepest, rec_deepest) = (AtomicUsize::new(0), AtomicUsize::new(0));
    // The parsers wait at this gate until the reader first finds the line queue
    // full: a slow start, so that back-pressure happens on every run.
    let (gate_tx, gate_rx) = bounded::<()>(0);

    let totals = thread::scope(|s| {
        let file = BufReader::new(File::open(&path)?);
        let (line_deepest, rec_deepest) = (&line_deepest, &rec_deepest);
        s.spawn(move || {
            let mut gate = Some(gate_tx);
            for line in file.lines() {
                let line = line.unwrap();
                match line_tx.try_send(line) {
                    Ok(()) => {
                        line_deepest.fetch_max(line_tx.len(), Ordering::Relaxed);
                    }
                    Err(TrySendError::Full(line)) => {
                        line_deepest.fetch_max(line_tx.len(), Ordering::Relaxed);
                        drop(gate.take()); // opens the gate (no-op after the first time)
                        send_tracked(&line_tx, line, line_deepest); // waits: back-pressure
                    }
                    Err(TrySendError::Disconnected(_)) => unreachable!(),
                }
            }
        }); // the reader returns: line_tx is dropped, the parsers' loops end
        for _ in 0..PARSERS {
            let (lines, records): (Receiver<String>, _) = (line_rx.clone(), rec_tx.clone());
            let gate = gate_rx.clone();
            s.spawn(move || {
                let _ = gate.recv(); // Err once the reader drops the gate's sender
                for line in lines {
                    send_tracked(&records, parse(&line), rec_deepest);
                }
            });
        }
        drop((rec_tx, gate_rx)); // only the parsers hold these now

        // The aggregator: the only owner of the totals, so no lock.
        let mut t = Totals::default();
        for record in rec_rx {
            let Some(r) = record else {
                t.garbage += 1;
                continue;
            };
            *t.by_level.entry(r.level).or_default() += 1;
            let s = t.by_service.entry(r.service).or_default();
            (s.0, s.1, s.2) = (s.0 + 1, s.1 + r.latency_ms, s.2.max(r.latency_ms));
        }
        Ok::<_, std::io::Error>(t)
    })?;
    std::fs::remove_file(&path)?;
    // ANCHOR_END: pipeline

    // ANCHOR: report
    for (level, n) in &totals.by_level {
        println!("{level:<5} {n}");
    }
    for (svc, (n, sum, max)) in &totals.by_service {
        println!("{svc:<7} {n} requests, mean {} ms, max {max} ms", sum / n);
    }
    println!("unparsable lines: {}", totals.garbage);
    let line_deepest = line_deepest.into_inner();
    println!("line queue: capacity {CAPACITY}, deepest observed {line_deepest}");
    let rec_deepest = rec_deepest.into_inner();
    println!(
        "record queue: capacity {CAPACITY}, deepest observed <= {CAPACITY}: {}",
        rec_deepest <= CAPACITY
    );
    println!("temporary file removed: {}", !path.exists());
    // ANCHOR_END: report
    Ok(())
}
