//! Records the benchmarks of the book's hand-built primitives in `bench/results.toml`:
//!
//! ```console
//! $ cargo run -p book-bench --release
//! ```
//!
//! It runs `cargo bench -p book-bench --bench primitives` (divan, default sampling), reads divan's table, and writes
//! every median with the machine's description and a hash of the measured sources. The chapters show the results
//! with `{{#bench <group>}}`; the `primitives` test of `cargo test` fails when the sources changed since.

use mdbook_listings::bench::{self, Machine, Measurement, Results};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};

const COMMAND: &str = "cargo run -p book-bench --release";

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("bench/ is inside the book");
    let machine = machine(); // before the run: its load average is the one the benchmarks start with
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    eprintln!("running `cargo bench -p book-bench --bench primitives` (a few minutes)…");
    let out = Command::new(cargo)
        .current_dir(root)
        .args([
            "bench",
            "-p",
            "book-bench",
            "--bench",
            "primitives",
            "--",
            "--color",
            "never",
        ])
        .stderr(Stdio::inherit())
        .output()
        .expect("cannot run cargo bench");
    assert!(out.status.success(), "cargo bench failed");
    let table = String::from_utf8(out.stdout).expect("divan prints UTF-8");
    print!("{table}");

    let source =
        std::fs::read_to_string(root.join("bench/benches/primitives.rs")).expect("the benchmark");
    let docs = doc_sentences(&source);
    let mut groups: BTreeMap<String, Vec<Measurement>> = BTreeMap::new();
    for (group, name, threads, median_ns) in parse_divan(&table) {
        let what = docs
            .get(&(group.clone(), name.clone()))
            .unwrap_or_else(|| {
                panic!("benchmark {group}::{name} has no doc comment saying what it measures")
            })
            .clone();
        groups.entry(group).or_default().push(Measurement {
            name,
            what,
            threads,
            median_ns,
        });
    }
    for (group, rows) in &groups {
        assert!(
            rows.iter().any(|m| m.name == bench::REFERENCE),
            "benchmark group `{group}` has no `{}` function to compare with",
            bench::REFERENCE
        );
    }
    let files = bench::sources(root);
    let results = Results {
        command: COMMAND.into(),
        machine,
        date: run(&["date", "-u", "+%Y-%m-%d"]),
        sources_hash: bench::sources_hash(root, &files),
        sources: bench::file_hashes(root, &files),
        groups,
    };
    let text = format!(
        "# Written by `{COMMAND}`: do not edit. The chapters show it with {{{{#bench <group>}}}}.\n{}",
        toml::to_string(&results).expect("results serialize")
    );
    std::fs::write(root.join(bench::RESULTS), text).expect("write results");
    eprintln!("wrote {}", bench::RESULTS);
}

fn run(cmd: &[&str]) -> String {
    let out = Command::new(cmd[0]).args(&cmd[1..]).output().expect(cmd[0]);
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn machine() -> Machine {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let cpu = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name").and_then(|r| r.split_once(':')))
        .map_or("unknown CPU".to_string(), |(_, v)| v.trim().to_string());
    let logical_cpus = std::thread::available_parallelism().map_or(1, |n| n.get() as u32);
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap_or_default();
    let load_average = std::fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|l| l.split_whitespace().next()?.parse().ok())
        .unwrap_or(f64::NAN);
    Machine {
        cpu,
        logical_cpus,
        load_average,
        os: format!("Linux {}", kernel.trim()),
        rustc: run(&["rustc", "--version"]),
    }
}

/// (module, function) → the first sentence of the function's doc comment.
fn doc_sentences(source: &str) -> BTreeMap<(String, String), String> {
    let mut out = BTreeMap::new();
    let mut module = String::new();
    let mut doc = String::new();
    for line in source.lines().map(str::trim) {
        if let Some(m) = line.strip_prefix("mod ").and_then(|r| r.strip_suffix(" {")) {
            module = m.to_string();
        }
        if let Some(d) = line.strip_prefix("///") {
            doc += d.trim();
            doc += " ";
        } else if let Some(f) = line
            .strip_prefix("fn ")
            .and_then(|r| r.split_once("(b: Bencher)"))
        {
            let text = doc.trim();
            let first = text.split_inclusive(". ").next().unwrap_or(text).trim();
            out.insert(
                (module.clone(), f.0.to_string()),
                first.trim_end_matches('.').to_string(),
            );
            doc.clear();
        } else if !line.starts_with("#[") {
            doc.clear();
        }
    }
    out
}

/// (group, function, threads, median ns) for every leaf of divan's tree:
/// `│  │  ├─ t=2    29.74 ns │ 39.84 ns │ 30.84 ns │ 31.69 ns │ 10 │ 100`.
fn parse_divan(table: &str) -> Vec<(String, String, u32, f64)> {
    let mut out = Vec::new();
    let (mut group, mut function) = (String::new(), String::new());
    for line in table.lines() {
        let chars: Vec<char> = line.chars().collect();
        let Some(at) = chars
            .windows(2)
            .position(|w| (w[0] == '├' || w[0] == '╰') && w[1] == '─')
        else {
            continue;
        };
        let depth = at / 3;
        let rest: String = chars[at + 2..].iter().collect();
        let name = rest
            .split_whitespace()
            .next()
            .unwrap_or_default()
            .to_string();
        let columns: Vec<&str> = line.split('│').collect();
        match depth {
            0 => group = name,
            // A benchmark with `threads = [1]` has its numbers on its own row (no `t=` rows below it).
            1 if columns.len() >= 4 && !columns[columns.len() - 4].trim().is_empty() => {
                let median = columns[columns.len() - 4].trim();
                out.push((group.clone(), name, 1, nanos(median)));
            }
            1 => function = name,
            _ => {
                let threads = name
                    .strip_prefix("t=")
                    .and_then(|t| t.parse().ok())
                    .unwrap_or_else(|| panic!("unexpected divan row: {line}"));
                let median = columns[columns.len() - 4].trim();
                out.push((group.clone(), function.clone(), threads, nanos(median)));
            }
        }
    }
    assert!(!out.is_empty(), "no measurement found in divan's output");
    out
}

fn nanos(s: &str) -> f64 {
    let (value, unit) = s
        .split_once(' ')
        .unwrap_or_else(|| panic!("not a time: {s}"));
    let value: f64 = value.parse().unwrap_or_else(|_| panic!("not a time: {s}"));
    let scale = match unit {
        "ps" => 1e-3,
        "ns" => 1.0,
        "µs" | "us" => 1e3,
        "ms" => 1e6,
        "s" => 1e9,
        _ => panic!("unknown unit in {s}"),
    };
    value * scale
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn divan_leaves_and_units_are_read() {
        let t = "primitives   fastest │ slowest │ median │ mean │ samples │ iters\n\
                 ╰─ g                  │         │        │      │         │\n\
                 \u{20}  ├─ hand_built    │         │        │      │         │\n\
                 \u{20}  │  ├─ t=1  1 ns  │ 2 ns    │ 1.5 µs │ 2 ns │ 10      │ 100\n\
                 \u{20}  │  ╰─ t=4  1 ns  │ 2 ns    │ 30 ns  │ 2 ns │ 10      │ 100\n";
        let rows = parse_divan(t);
        assert_eq!(
            rows,
            vec![
                ("g".into(), "hand_built".into(), 1, 1500.0),
                ("g".into(), "hand_built".into(), 4, 30.0)
            ]
        );
    }

    #[test]
    fn a_single_thread_benchmark_has_its_numbers_on_its_own_row() {
        // As divan prints `threads = [1]`: no `t=` rows.
        let t = "primitives   fastest │ slowest │ median │ mean │ samples │ iters\n\
                 ╰─ g                  │         │        │      │         │\n\
                 \u{20}  ├─ hand_built  1 ns │ 2 ns    │ 200 ns │ 2 ns │ 10      │ 100\n\
                 \u{20}  ╰─ other       1 ns │ 2 ns    │ 30 ns  │ 2 ns │ 10      │ 100\n";
        assert_eq!(
            parse_divan(t),
            vec![
                ("g".into(), "hand_built".into(), 1, 200.0),
                ("g".into(), "other".into(), 1, 30.0)
            ]
        );
    }

    #[test]
    fn first_sentence_of_each_benchmark_doc() {
        let src = "mod g {\n    /// Takes it. More words.\n    #[divan::bench]\n    fn hand_built(b: Bencher) {}\n}\n";
        let docs = doc_sentences(src);
        assert_eq!(docs[&("g".into(), "hand_built".into())], "Takes it");
    }
}
