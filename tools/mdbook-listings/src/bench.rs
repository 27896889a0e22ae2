//! The benchmark results of the hand-built primitives (`bench/results.toml`, written by `cargo run -p book-bench
//! --release`) and the `{{#bench <group>}}` directive that puts one group's table into a chapter.
//!
//! The results carry a hash of the code they measured (the benchmark file and every listing the benchmark crate
//! depends on); [`stale`] compares it with the code as it is now, so numbers cannot silently outlive their code.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where the results live, relative to the book root.
pub const RESULTS: &str = "bench/results.toml";
/// The function in each group that the ratios are relative to.
pub const REFERENCE: &str = "hand_built";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Results {
    /// The command that regenerates this file.
    pub command: String,
    /// The machine: CPU model, logical CPUs, kernel, rustc.
    pub machine: Machine,
    /// The date of the run (UTC, `YYYY-MM-DD`).
    pub date: String,
    /// FNV-1a 64 of all the measured sources together, see [`sources_hash`].
    pub sources_hash: String,
    /// Each measured file (relative to the book root) → its own hash, so a stale result names the file.
    pub sources: BTreeMap<String, String>,
    /// Group (a module of the benchmark, e.g. `m16_semaphore`) → its measurements.
    pub groups: BTreeMap<String, Vec<Measurement>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Machine {
    pub cpu: String,
    pub logical_cpus: u32,
    /// `/proc/loadavg`'s 1-minute load average when the run started: on a shared machine, threads of one
    /// benchmark may rarely run at the same instant.
    pub load_average: f64,
    pub os: String,
    pub rustc: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Measurement {
    /// The benchmark function, e.g. `hand_built`, `tokio`.
    pub name: String,
    /// Its doc comment's first sentence: what is measured.
    pub what: String,
    /// How many threads ran it at once.
    pub threads: u32,
    /// Divan's median time per iteration, in nanoseconds.
    pub median_ns: f64,
}

/// The files whose content the results depend on: the benchmark itself, and `src/*.rs` of every listing the
/// benchmark crate depends on (read from `bench/Cargo.toml`), sorted.
pub fn sources(root: &Path) -> Vec<PathBuf> {
    let mut files = vec![PathBuf::from("bench/benches/primitives.rs")];
    let manifest = std::fs::read_to_string(root.join("bench/Cargo.toml")).unwrap_or_default();
    let deps = toml::from_str::<toml::Table>(&manifest)
        .ok()
        .and_then(|t| t.get("dependencies").and_then(|d| d.as_table()).cloned())
        .unwrap_or_default();
    for dep in deps.values() {
        let Some(path) = dep.get("path").and_then(|p| p.as_str()) else {
            continue;
        };
        let dir = Path::new("bench").join(path);
        let dir = crate::book::normalize(&dir);
        if !dir.starts_with("listings") {
            continue;
        }
        let mut rs: Vec<PathBuf> = std::fs::read_dir(root.join(&dir).join("src"))
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| dir.join("src").join(e.file_name()))
            .filter(|p| p.extension().is_some_and(|e| e == "rs"))
            .collect();
        files.append(&mut rs);
    }
    files.sort();
    files
}

/// FNV-1a 64 over each source's relative path and content, in order, as 16 hex digits.
pub fn sources_hash(root: &Path, files: &[PathBuf]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for f in files {
        eat(f.to_string_lossy().as_bytes());
        eat(&[0]);
        eat(&std::fs::read(root.join(f)).unwrap_or_default());
        eat(&[0]);
    }
    format!("{h:016x}")
}

/// Reads the committed results.
pub fn load(root: &Path) -> Result<Results, String> {
    let text = std::fs::read_to_string(root.join(RESULTS)).map_err(|e| {
        format!(
            "{RESULTS}: cannot read it ({e}); record it with `cargo run -p book-bench --release`"
        )
    })?;
    toml::from_str(&text).map_err(|e| format!("{RESULTS}: invalid: {}", e.message()))
}

/// Each source with its own hash, as recorded in [`Results::sources`].
pub fn file_hashes(root: &Path, files: &[PathBuf]) -> BTreeMap<String, String> {
    files
        .iter()
        .map(|f| {
            (
                f.to_string_lossy().into_owned(),
                sources_hash(root, std::slice::from_ref(f)),
            )
        })
        .collect()
}

/// `Some(reason)` if the results no longer describe the code, naming the files that changed.
pub fn stale(root: &Path, results: &Results) -> Option<String> {
    let files = sources(root);
    let now = file_hashes(root, &files);
    let mut changed: Vec<String> = Vec::new();
    for (file, hash) in &now {
        match results.sources.get(file) {
            None => changed.push(format!("{file} (not measured yet)")),
            Some(h) if h != hash => changed.push(format!("{file} (changed)")),
            Some(_) => {}
        }
    }
    for file in results.sources.keys().filter(|f| !now.contains_key(*f)) {
        changed.push(format!("{file} (no longer measured)"));
    }
    if changed.is_empty() && sources_hash(root, &files) != results.sources_hash {
        changed.push("the recorded sources-hash does not match the files".into());
    }
    (!changed.is_empty()).then(|| {
        format!(
            "{RESULTS} is older than the code it measures: {}; re-record with `cargo run -p book-bench --release` \
             and commit the new results",
            changed.join(", ")
        )
    })
}

/// The markdown table of one group: one row per implementation, one column per thread count, each cell the median
/// time and its ratio to `hand_built` at the same thread count.
pub fn table(results: &Results, group: &str) -> Result<String, String> {
    let rows = results
        .groups
        .get(group)
        .ok_or_else(|| format!("no benchmark group `{group}` in {RESULTS}"))?;
    let mut threads: Vec<u32> = rows.iter().map(|m| m.threads).collect();
    threads.sort_unstable();
    threads.dedup();
    let mut names: Vec<(&str, &str)> = Vec::new();
    for m in rows {
        if !names.iter().any(|(n, _)| *n == m.name) {
            names.push((&m.name, &m.what));
        }
    }
    names.sort_by_key(|(n, _)| *n != REFERENCE);
    let cell = |name: &str, t: u32| rows.iter().find(|m| m.name == name && m.threads == t);
    let mut out = String::from("| implementation |");
    for t in &threads {
        out += &format!(" {t} thread{} |", if *t == 1 { "" } else { "s" });
    }
    out += "\n| --- |";
    out += &" ---: |".repeat(threads.len());
    out += "\n";
    for (name, what) in &names {
        out += &format!("| `{name}`: {} |", what.replace('|', "\\|"));
        for t in &threads {
            let text = match (cell(name, *t), cell(REFERENCE, *t)) {
                (Some(m), Some(r)) if r.median_ns > 0.0 => {
                    format!("{} (×{:.2})", time(m.median_ns), m.median_ns / r.median_ns)
                }
                (Some(m), _) => time(m.median_ns),
                (None, _) => "–".to_string(),
            };
            out += &format!(" {text} |");
        }
        out += "\n";
    }
    out += &chart(rows, &names, threads[0]);
    let m = &results.machine;
    out += &format!(
        "\nMedian time per operation, and in parentheses its ratio to `{REFERENCE}` with the same number of threads \
         (below 1: faster than the hand-built one). Measured side by side in one run on {date}: {cpu}, {n} logical \
         CPUs, load average {load:.1} when the run started, {os}, {rustc}; regenerated by `{cmd}`. One machine, \
         one run: read the ratios as an order of magnitude, not a promise; on a loaded machine the threads of a \
         multi-thread benchmark are often not running at the same instant, so contention shows less than it would \
         on an idle one.\n",
        date = results.date,
        cpu = m.cpu,
        n = m.logical_cpus,
        load = m.load_average,
        os = m.os,
        rustc = m.rustc,
        cmd = results.command,
    );
    Ok(out)
}

/// A bar per implementation at one thread count (the smallest), as plain HTML: the eye compares lengths faster
/// than numbers. The table above carries the same values as text.
fn chart(rows: &[Measurement], names: &[(&str, &str)], threads: u32) -> String {
    let at = |name: &str| {
        rows.iter()
            .find(|m| m.name == name && m.threads == threads)
            .map(|m| m.median_ns)
    };
    let longest = names
        .iter()
        .filter_map(|(n, _)| at(n))
        .fold(0.0_f64, f64::max);
    if longest <= 0.0 {
        return String::new();
    }
    let mut out = format!(
        "\n<div class=\"bench-chart\" aria-hidden=\"true\"><div class=\"bench-title\">median time, {threads} \
         thread{}</div>\n",
        if threads == 1 { "" } else { "s" }
    );
    for (name, _) in names {
        if let Some(ns) = at(name) {
            out += &format!(
                "<div class=\"bench-row\"><code class=\"bench-label\">{name}</code><span class=\"bench-track\">\
                 <span class=\"bench-bar{reference}\" style=\"width: {width:.1}%\"></span></span>\
                 <span class=\"bench-value\">{value}</span></div>\n",
                reference = if *name == REFERENCE {
                    " bench-reference"
                } else {
                    ""
                },
                width = 100.0 * ns / longest,
                value = time(ns),
            );
        }
    }
    out + "</div>\n"
}

fn time(ns: f64) -> String {
    if ns >= 1_000_000.0 {
        format!("{:.2} ms", ns / 1_000_000.0)
    } else if ns >= 1_000.0 {
        format!("{:.2} µs", ns / 1_000.0)
    } else {
        format!("{ns:.1} ns")
    }
}

/// Replaces each `{{#bench <group>}}` line of a chapter with that group's table. `chapter` names the file in errors.
pub fn expand(text: &str, chapter: &Path, root: &Path) -> Result<String, String> {
    if !text.contains("{{#bench ") {
        return Ok(text.to_string());
    }
    let results = load(root)?;
    let mut out = String::with_capacity(text.len() + 2048);
    for (i, line) in text.lines().enumerate() {
        match line
            .trim()
            .strip_prefix("{{#bench ")
            .and_then(|r| r.strip_suffix("}}"))
        {
            Some(group) => {
                let t = table(&results, group.trim())
                    .map_err(|e| format!("{}:{}: {e}", chapter.display(), i + 1))?;
                out += &t;
            }
            None => {
                out += line;
                out += "\n";
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn results() -> Results {
        let m = |name: &str, threads, median_ns| Measurement {
            name: name.into(),
            what: format!("{name} it"),
            threads,
            median_ns,
        };
        Results {
            command: "cargo run -p book-bench --release".into(),
            machine: Machine {
                cpu: "CPU".into(),
                logical_cpus: 2,
                load_average: 0.5,
                os: "Linux".into(),
                rustc: "rustc 1.95.0".into(),
            },
            date: "2026-11-30".into(),
            sources_hash: "0".into(),
            sources: BTreeMap::new(),
            groups: BTreeMap::from([(
                "g".to_string(),
                vec![
                    m("crate", 1, 10.0),
                    m(REFERENCE, 1, 40.0),
                    m(REFERENCE, 2, 2000.0),
                ],
            )]),
        }
    }

    #[test]
    fn table_puts_the_reference_first_and_divides_by_it() {
        let t = table(&results(), "g").unwrap();
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "| implementation | 1 thread | 2 threads |");
        assert_eq!(
            lines[2],
            "| `hand_built`: hand_built it | 40.0 ns (×1.00) | 2.00 µs (×1.00) |"
        );
        assert_eq!(lines[3], "| `crate`: crate it | 10.0 ns (×0.25) | – |");
        assert!(table(&results(), "nope").is_err());
        // The chart: one bar per implementation at 1 thread, the slowest full width.
        assert!(
            t.contains("<code class=\"bench-label\">hand_built</code>"),
            "{t}"
        );
        assert!(t.contains("style=\"width: 100.0%\""), "{t}");
        assert!(t.contains("style=\"width: 25.0%\""), "{t}");
    }

    #[test]
    fn a_changed_source_is_named() {
        let root = std::env::temp_dir().join(format!("bench-stale-{}", std::process::id()));
        std::fs::create_dir_all(root.join("bench/benches")).unwrap();
        std::fs::create_dir_all(root.join("listings/m1/x/src")).unwrap();
        std::fs::write(
            root.join("bench/Cargo.toml"),
            "[dependencies]\nm1-x = { path = \"../listings/m1/x\" }\n",
        )
        .unwrap();
        std::fs::write(root.join("bench/benches/primitives.rs"), "// bench").unwrap();
        std::fs::write(root.join("listings/m1/x/src/main.rs"), "fn main() {}").unwrap();
        let files = sources(&root);
        let mut r = results();
        r.sources_hash = sources_hash(&root, &files);
        r.sources = file_hashes(&root, &files);
        assert_eq!(stale(&root, &r), None);
        std::fs::write(root.join("listings/m1/x/src/main.rs"), "fn main() { }").unwrap();
        let why = stale(&root, &r).expect("stale after an edit");
        assert!(why.contains("listings/m1/x/src/main.rs (changed)"), "{why}");
        std::fs::write(root.join("listings/m1/x/src/lib.rs"), "").unwrap();
        let why = stale(&root, &r).expect("stale after a new file");
        assert!(
            why.contains("listings/m1/x/src/lib.rs (not measured yet)"),
            "{why}"
        );
        std::fs::remove_dir_all(root).unwrap();
    }

    #[test]
    fn directive_is_replaced_and_a_wrong_group_names_the_line() {
        let dir = std::env::temp_dir().join(format!("bench-expand-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("bench")).unwrap();
        std::fs::write(dir.join(RESULTS), toml::to_string(&results()).unwrap()).unwrap();
        let out = expand("a\n{{#bench g}}\nb\n", Path::new("src/x.md"), &dir).unwrap();
        assert!(out.starts_with("a\n| implementation |") && out.ends_with("b\n"));
        let err = expand("a\n{{#bench h}}\n", Path::new("src/x.md"), &dir).unwrap_err();
        assert!(
            err.starts_with("src/x.md:2: no benchmark group `h`"),
            "{err}"
        );
        std::fs::remove_dir_all(dir).unwrap();
    }
}
