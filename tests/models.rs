//! Runs every listing's loom models with the bounds its `[[package.metadata.model]]` declares, and judges each one:
//! a `proves` model must pass, a `fails` model must fail with its declared panic message. Not part of `cargo test`
//! (models take a while): run them with
//!
//! ```console
//! $ cargo test -p book-tests --test models            # every model
//! $ MODELS=m16 cargo test -p book-tests --test models # only the listings whose path contains "m16"
//! ```
//!
//! The models are built once, in release mode with `RUSTFLAGS="--cfg loom"`, in their own target dir
//! (`target/loom`), so they never invalidate the normal build. Each model then runs as its own process.

#[path = "common.rs"]
mod common;

use mdbook_listings::model::{self, Model};
use mdbook_listings::spec::Listing;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// `MODELS=m16`: only the listings whose path (`m16/condvar-semaphore`) contains it.
fn filter() -> Option<String> {
    std::env::var("MODELS").ok().filter(|f| !f.is_empty())
}

fn main() {
    let root = common::root();
    let only = filter();
    let mut declared: Vec<(&Listing, Vec<Model>)> = Vec::new();
    let mut problems: Vec<String> = Vec::new();
    for l in common::listings() {
        match model::load(&l.dir, &l.manifest()) {
            Ok(m) if m.is_empty() => {}
            Ok(m) => {
                if only.as_deref().is_none_or(|f| l.rel.contains(f)) {
                    declared.push((l, m));
                }
            }
            Err(d) => problems.extend(d.iter().map(|d| d.to_string())),
        }
    }
    assert!(
        problems.is_empty(),
        "invalid model declarations:\n  {}",
        problems.join("\n  ")
    );
    assert!(!declared.is_empty(), "no listing declares a loom model");

    let exes = build(root, &declared);
    let started = Instant::now();
    let mut count = 0;
    for (l, models) in &declared {
        let Some(exe) = exes.get(&l.dir) else {
            problems.push(format!(
                "{}: declares models but has no {} test target",
                l.manifest(),
                model::MODEL_FILE
            ));
            continue;
        };
        problems.extend(undeclared(exe, l, models));
        for m in models {
            count += 1;
            if let Err(e) = run(exe, l, m) {
                problems.push(e);
            }
        }
    }
    println!(
        "{count} models in {} listings, run in {:.1} s",
        declared.len(),
        started.elapsed().as_secs_f64()
    );
    assert!(problems.is_empty(), "\n  {}\n", problems.join("\n  "));
}

/// One `cargo test --no-run` for every listing with models; the test executable of each listing's tests/model.rs.
fn build(root: &Path, declared: &[(&Listing, Vec<Model>)]) -> HashMap<PathBuf, PathBuf> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root)
        .args(["test", "--release", "--no-run", "--message-format=json"])
        .args(["--test", "model", "--target-dir"])
        .arg(root.join("target/loom"))
        .env("RUSTFLAGS", "--cfg loom")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        // As in the listings' own build: the book tests point RUSTC at skeptic's wrapper.
        .env_remove("RUSTC")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit());
    for (l, _) in declared {
        cmd.args(["-p", &l.package]);
    }
    let out = cmd.output().expect("cannot run cargo");
    assert!(
        out.status.success(),
        "building the models failed (`RUSTFLAGS=\"--cfg loom\" cargo test --release --no-run --test model \
         --target-dir target/loom -p …`); cargo's errors are above"
    );
    let mut exes = HashMap::new();
    for line in String::from_utf8_lossy(&out.stdout).lines() {
        let Ok(msg) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let is_model = msg["reason"] == "compiler-artifact"
            && msg["target"]["name"] == "model"
            && msg["target"]["kind"][0] == "test";
        if let (true, Some(exe), Some(manifest)) = (
            is_model,
            msg["executable"].as_str(),
            msg["manifest_path"].as_str(),
        ) {
            let dir = Path::new(manifest)
                .parent()
                .expect("a manifest has a directory");
            exes.insert(dir.to_path_buf(), PathBuf::from(exe));
        }
    }
    exes
}

/// A `#[test]` in tests/model.rs that the manifest does not declare would never run with declared bounds.
fn undeclared(exe: &Path, l: &Listing, models: &[Model]) -> Vec<String> {
    let out = Command::new(exe)
        .args(["--list", "--format=terse"])
        .output()
        .expect("cannot list the model tests");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| line.strip_suffix(": test"))
        .filter(|t| !models.iter().any(|m| m.test == *t))
        .map(|t| {
            format!(
                "{}: `{t}` in {} is not declared in [[package.metadata.model]]",
                l.manifest(),
                model::MODEL_FILE
            )
        })
        .collect()
}

/// Runs one model with its declared bounds and judges it against the declaration.
fn run(exe: &Path, l: &Listing, m: &Model) -> Result<(), String> {
    let started = Instant::now();
    let out = Command::new(exe)
        .args([
            m.test.as_str(),
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("BOOK_MODEL_THREADS", m.threads.to_string())
        .env(
            "BOOK_MODEL_PREEMPTIONS",
            m.preemptions.map_or("none".to_string(), |k| k.to_string()),
        )
        .env("RUST_BACKTRACE", "0")
        .output()
        .map_err(|e| format!("{}: cannot run model `{}`: {e}", l.manifest(), m.test))?;
    let secs = started.elapsed().as_secs_f64();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let explored = stdout
        .lines()
        .find_map(|s| s.split_once("book-model: explored ").map(|(_, n)| n))
        .and_then(|s| s.split(' ').next())
        .unwrap_or("?");
    let ran = stdout.contains("running 1 test");
    let panic = panic_message(&stderr);
    let who = format!("{} model `{}` ({})", l.package, m.test, m.bounds());
    match (&m.fails, out.status.success()) {
        _ if !ran => Err(format!(
            "{}: model `{}` did not run (no such test in {}?)",
            l.manifest(),
            m.test,
            model::MODEL_FILE
        )),
        (None, true) => {
            println!("{who}: passed, {explored} executions explored, {secs:.1} s");
            Ok(())
        }
        (None, false) => Err(format!(
            "{}: model `{}` should pass, but loom found a failing interleaving at execution {explored}: {panic}",
            l.manifest(),
            m.test
        )),
        (Some(expected), false) if panic.contains(expected.trim()) => {
            println!(
                "{who}: failed as declared at execution {explored} ({secs:.1} s): {}",
                expected.trim()
            );
            Ok(())
        }
        (Some(expected), false) => Err(format!(
            "{}: model `{}` should fail with `{}`, but failed with: {panic}",
            l.manifest(),
            m.test,
            expected.trim()
        )),
        (Some(expected), true) => Err(format!(
            "{}: model `{}` should fail with `{}`, but loom explored {explored} executions and found no failure",
            l.manifest(),
            m.test,
            expected.trim()
        )),
    }
}

/// The message of the panic a test reports on stderr: the lines after `panicked at <place>:`.
fn panic_message(stderr: &str) -> String {
    let mut lines = stderr.lines().skip_while(|l| !l.contains("panicked at"));
    lines.next();
    let msg: Vec<&str> = lines
        .take_while(|l| !l.starts_with("note:") && !l.trim().is_empty())
        .collect();
    if msg.is_empty() {
        stderr
            .trim()
            .lines()
            .last()
            .unwrap_or("no output")
            .to_string()
    } else {
        msg.join("\n")
    }
}
