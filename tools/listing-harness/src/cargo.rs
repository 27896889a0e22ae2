//! Rust builds: one nested `cargo build` for every Rust listing of the run, and rustc's JSON diagnostics.

use mdbook_listings::spec::{self, Behaviour, Lang, Listing};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::thread;

/// A compiler error, from cargo's JSON messages.
#[derive(Debug, Clone)]
pub struct CompilerError {
    pub code: Option<String>,
    pub message: String,
    pub rendered: String,
}

impl CompilerError {
    /// Reads one rustc JSON diagnostic (`--error-format=json`, or cargo's `message` field); `None` unless it is an
    /// error of its own (not the closing "aborting due to …" summary).
    pub fn from_diagnostic(d: &serde_json::Value) -> Option<CompilerError> {
        let message = d["message"].as_str().unwrap_or_default();
        if d["level"] != "error" || message.starts_with("aborting due to") {
            return None;
        }
        Some(CompilerError {
            code: d["code"]["code"].as_str().map(str::to_string),
            message: message.to_string(),
            rendered: d["rendered"].as_str().unwrap_or_default().to_string(),
        })
    }
}

/// What the nested build produced.
#[derive(Debug, Default)]
pub struct Artifacts {
    /// Binary name (= package name) → executable.
    pub executables: HashMap<String, PathBuf>,
    /// Binary name → its compiler errors.
    pub errors: HashMap<String, Vec<CompilerError>>,
    /// Cargo's own failure, if it could not even start building.
    pub failure: Option<String>,
}

/// Builds the given Rust listings with one `cargo build` in the shared target dir (so dependencies are compiled
/// once). Compile-fail listings are compiled too, with their `does-not-compile` feature, and `--keep-going`
/// collects every error.
pub fn build(root: &Path, listings: &[Listing]) -> Artifacts {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut cmd = Command::new(cargo);
    cmd.current_dir(root)
        .args(["build", "--keep-going", "--message-format=json"])
        // The book tests point RUSTC at a wrapper for skeptic; the nested build must use the same rustc as the
        // outer one, or cargo would think the compiler changed.
        .env_remove("RUSTC")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut features = Vec::new();
    let listings: Vec<&Listing> = listings.iter().filter(|l| l.lang == Lang::Rust).collect();
    if listings.is_empty() {
        return Artifacts::default();
    }
    for l in &listings {
        cmd.args(["-p", &l.package]);
        if matches!(l.behaviour, Behaviour::CompileFail { .. }) {
            features.push(format!("{}/{}", l.package, spec::COMPILE_FAIL_FEATURE));
        }
    }
    if !features.is_empty() {
        cmd.args(["--features", &features.join(",")]);
    }
    let expected_failures: Vec<String> = listings
        .iter()
        .filter(|l| matches!(l.behaviour, Behaviour::CompileFail { .. }))
        .map(|l| format!("`{}`", l.package))
        .collect();
    let mut child = match cmd.spawn() {
        Ok(c) => c,
        Err(e) => {
            return Artifacts {
                failure: Some(format!("cannot run cargo: {e}")),
                ..Default::default()
            };
        }
    };
    // Show cargo's progress (a cold build takes minutes), but not the failures that compile-fail listings are
    // declared to have: those are judged by their own tests.
    let stderr = child.stderr.take().expect("piped stderr");
    let forward = thread::spawn(move || {
        use std::io::{BufRead, Write};
        let mut summary = false;
        for line in std::io::BufReader::new(stderr)
            .lines()
            .map_while(Result::ok)
        {
            let expected = expected_failures.iter().any(|p| line.contains(p.as_str()));
            summary |= line.starts_with("error: ") && line.contains("targets failed");
            if !(expected || summary || line.starts_with("warning: build failed")) {
                let _ = writeln!(std::io::stderr(), "{line}");
            }
        }
    });
    let output = match child.wait_with_output() {
        Ok(o) => o,
        Err(e) => {
            return Artifacts {
                failure: Some(format!("cargo failed: {e}")),
                ..Default::default()
            };
        }
    };
    let _ = forward.join();
    let mut a = Artifacts::default();
    for line in String::from_utf8_lossy(&output.stdout).lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let target = v["target"]["name"].as_str().unwrap_or_default().to_string();
        match v["reason"].as_str() {
            Some("compiler-artifact") => {
                if let Some(exe) = v["executable"].as_str() {
                    a.executables.insert(target, PathBuf::from(exe));
                }
            }
            Some("compiler-message") => {
                if let Some(e) = CompilerError::from_diagnostic(&v["message"]) {
                    a.errors.entry(target).or_default().push(e);
                }
            }
            _ => {}
        }
    }
    if a.executables.is_empty() && a.errors.is_empty() {
        a.failure = Some(format!(
            "the nested `cargo build` of the listings produced nothing (exit {}); see its output above",
            output.status
        ));
    }
    a
}
