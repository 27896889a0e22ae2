//! One test per listing directory: the program is built (once, for all the selected Rust listings; per listing for
//! Go) and judged against the behaviour its manifest declares. A directory without a valid declaration is a failing
//! test too, so a narrow filter catches it. Run one entry's listings with
//! `cargo test -p book-tests --test listings j05`.
//!
//! A small test harness of its own (`harness = false`), with libtest's usual arguments (filters, `--exact`,
//! `--skip`, `--list`, `--test-threads`, `--nocapture`): the checks of stuck programs mostly wait, so they run on more
//! threads than there are cores.
//!
//! `LISTINGS=overwrite cargo test -p book-tests --test listings j05` re-blesses: a failing `output`, `invariant`
//! (with `unordered-lines`) or `panic` listing gets the output of one run written into its manifest, if that run
//! passes with it, and is checked again. Never on CI, never for the other classes.

#[path = "common.rs"]
mod common;

use listing_harness::{Context, LIMITS, Outcome, go};
use mdbook_listings::rebless;
use mdbook_listings::spec::{self, Lang, Listing};
use std::collections::VecDeque;
use std::io::Write;
use std::sync::Mutex;
use std::time::Instant;

#[derive(Default)]
struct Args {
    filters: Vec<String>,
    skip: Vec<String>,
    exact: bool,
    list: bool,
    ignored: bool,
    quiet: bool,
    show_output: bool,
    threads: Option<usize>,
}

fn parse_args() -> Args {
    let mut a = Args::default();
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let value = |it: &mut dyn Iterator<Item = String>| {
            inline.clone().or_else(|| it.next()).unwrap_or_default()
        };
        match flag.as_str() {
            "--exact" => a.exact = true,
            "--list" => a.list = true,
            "--ignored" => a.ignored = true,
            "-q" | "--quiet" => a.quiet = true,
            "--nocapture" | "--no-capture" | "--show-output" => a.show_output = true,
            "--skip" => a.skip.push(value(&mut it)),
            "--test-threads" => a.threads = value(&mut it).parse().ok(),
            "--color" | "--format" | "--logfile" | "-Z" | "--report-time" => {
                if inline.is_none() && flag != "--report-time" {
                    it.next();
                }
            }
            f if f.starts_with('-') => {}
            _ => a.filters.push(arg),
        }
    }
    a
}

impl Args {
    fn selects(&self, name: &str) -> bool {
        let hit = |f: &String| {
            if self.exact {
                name == f
            } else {
                name.contains(f.as_str())
            }
        };
        (self.filters.is_empty() || self.filters.iter().any(hit))
            && !self.skip.iter().any(|s| name.contains(s.as_str()))
    }
}

/// One test: a listing directory, loaded or not.
struct Test {
    name: String,
    listing: Result<Listing, String>,
}

enum Verdict {
    Passed(String),
    Skipped(String),
    Failed(String),
}

fn main() {
    let args = parse_args();
    let root = common::root();
    let dirs = match spec::listing_dirs(root) {
        Ok(d) => d,
        Err(d) => {
            eprintln!("error: {d}");
            std::process::exit(101);
        }
    };
    let total = dirs.len();
    let selected: Vec<&String> = dirs
        .iter()
        .filter(|rel| args.selects(&spec::test_name(rel)))
        .collect();
    if args.list {
        for rel in &selected {
            println!("{}: test", spec::test_name(rel));
        }
        return;
    }
    let selected = if args.ignored { Vec::new() } else { selected };
    let mut tests: Vec<Test> = selected
        .iter()
        .map(|rel| {
            let (entry, name) = rel.split_once('/').expect("entry/name");
            let listing = spec::load_listing(root, entry, name).map_err(|d| {
                let lines: Vec<String> = d.iter().map(|d| format!("  {d}")).collect();
                format!("listings/{rel}: its declaration is invalid:\n{}", lines.join("\n"))
            });
            let listing = if spec::is_entry_dir(entry) {
                listing
            } else {
                Err(format!("listings/{entry}: listing folders are named by entry id in lower case, e.g. listings/j05"))
            };
            Test {
                name: spec::test_name(rel),
                listing,
            }
        })
        .collect();
    // The longest checks start first: programs that never finish (watched over several windows) and programs
    // stopped by a signal (run until their trigger line, signalled, then run once more without a signal).
    tests.sort_by_key(|t| {
        !t.listing.as_ref().is_ok_and(|l| {
            l.behaviour.runs_forever() || matches!(l.behaviour, spec::Behaviour::Shutdown { .. })
        })
    });
    let loaded: Vec<Listing> = tests
        .iter()
        .filter_map(|t| t.listing.as_ref().ok().cloned())
        .collect();
    let reblessing = match rebless::requested() {
        Ok(r) => r,
        Err(why) => {
            println!("note: nothing is re-blessed: {why}");
            false
        }
    };
    let started = Instant::now();
    let ctx = Context::new(root, &loaded, LIMITS);
    if args.show_output {
        println!("built in {:.2} s", started.elapsed().as_secs_f64());
    }
    println!("\nrunning {} tests", tests.len());
    // Enough threads for every stuck program to be watched at once while the finishing ones run (those take a
    // slot per core inside the harness, so more threads do not mean more CPU contention).
    let threads = args.threads.unwrap_or(32);
    let queue = Mutex::new(tests.iter().collect::<VecDeque<&Test>>());
    let results: Mutex<Vec<(&str, Verdict)>> = Mutex::new(Vec::new());
    std::thread::scope(|s| {
        for _ in 0..threads.min(tests.len()).max(1) {
            s.spawn(|| {
                loop {
                    let Some(t) = queue.lock().unwrap().pop_front() else {
                        break;
                    };
                    let t0 = Instant::now();
                    let verdict = match &t.listing {
                        Err(e) => Verdict::Failed(e.clone()),
                        Ok(l) => match check(&ctx, l) {
                            Verdict::Failed(e) if reblessing => rebless_and_check(&ctx, l, e),
                            v => v,
                        },
                    };
                    report(&args, &t.name, &verdict, t0.elapsed().as_secs_f64());
                    results.lock().unwrap().push((&t.name, verdict));
                }
            });
        }
    });
    let results = results.into_inner().unwrap();
    summarize(&args, &ctx, &tests, &results, total, started);
}

fn check(ctx: &Context, l: &Listing) -> Verdict {
    match std::panic::catch_unwind(|| ctx.check(l)) {
        Ok(Ok(Outcome::Passed(e))) => Verdict::Passed(format!("{}: {e}", l.package)),
        Ok(Ok(Outcome::Skipped(why))) => Verdict::Skipped(why),
        Ok(Err(e)) => Verdict::Failed(e),
        Err(_) => Verdict::Failed(format!("the harness panicked while checking {}", l.package)),
    }
}

/// `LISTINGS=overwrite`: a listing that failed with `failure` is re-blessed if its class allows it and one run
/// passes with the observed output, then checked again as declared now.
fn rebless_and_check(ctx: &Context, l: &Listing, failure: String) -> Verdict {
    match std::panic::catch_unwind(|| ctx.rebless(l)) {
        Ok(Ok(r)) => {
            println!("{}", r.message);
            match check(ctx, &r.listing) {
                Verdict::Failed(e) => {
                    Verdict::Failed(format!("{}; it still fails:\n{e}", r.message))
                }
                v => v,
            }
        }
        Ok(Err(why)) => Verdict::Failed(format!("{failure}\nnot re-blessed: {why}")),
        Err(_) => Verdict::Failed(format!(
            "{failure}\nthe harness panicked while re-blessing {}",
            l.package
        )),
    }
}

fn report(args: &Args, name: &str, v: &Verdict, secs: f64) {
    let mut out = std::io::stdout().lock();
    let word = match v {
        Verdict::Passed(_) => "ok",
        Verdict::Skipped(_) => "skipped",
        Verdict::Failed(_) => "FAILED",
    };
    if args.quiet {
        let _ = write!(out, "{}", if word == "FAILED" { "F" } else { "." });
    } else {
        let _ = writeln!(out, "test {name} ... {word}");
    }
    if args.show_output {
        match v {
            Verdict::Passed(e) => {
                let _ = writeln!(out, "{e} [{secs:.2} s]");
            }
            Verdict::Skipped(why) => {
                let _ = writeln!(out, "not run: {why}");
            }
            Verdict::Failed(_) => {}
        }
    }
    let _ = out.flush();
}

fn summarize(
    args: &Args,
    ctx: &Context,
    tests: &[Test],
    results: &[(&str, Verdict)],
    total: usize,
    started: Instant,
) {
    let failed: Vec<&(&str, Verdict)> = results
        .iter()
        .filter(|r| matches!(r.1, Verdict::Failed(_)))
        .collect();
    let skipped = results
        .iter()
        .filter(|r| matches!(r.1, Verdict::Skipped(_)))
        .count();
    let passed = results.len() - failed.len() - skipped;
    if args.quiet {
        println!();
    }
    if !failed.is_empty() {
        println!("\nfailures:\n");
        for (name, v) in &failed {
            if let Verdict::Failed(msg) = v {
                println!("---- {name} ----\n{msg}\n");
            }
        }
        println!("failures:");
        let mut names: Vec<&str> = failed.iter().map(|r| r.0).collect();
        names.sort();
        for n in names {
            println!("    {n}");
        }
    }
    if skipped > 0 {
        let go_listings = tests
            .iter()
            .filter(|t| t.listing.as_ref().is_ok_and(|l| l.lang == Lang::Go))
            .count();
        let why = match ctx.go() {
            Err(go::Missing(why)) => why.clone(),
            Ok(_) => "?".into(),
        };
        println!(
            "\nnote: {go_listings} Go listing(s) were not run: {why}. To check them, {}.",
            go::how_to_enable()
        );
    }
    let status = if failed.is_empty() { "ok" } else { "FAILED" };
    println!(
        "\ntest result: {status}. {passed} passed; {} failed; {skipped} skipped; 0 measured; {} filtered out; \
         finished in {:.2}s\n",
        failed.len(),
        total - tests.len(),
        started.elapsed().as_secs_f64()
    );
    if !failed.is_empty() {
        std::process::exit(101);
    }
}
