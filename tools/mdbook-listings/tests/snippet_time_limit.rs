//! The time limit every snippet gets from `snippet::TEMPLATE`: a snippet that blocks is stopped with status 124 and
//! a message; one that finishes is unaffected and has no extra thread.

use mdbook_listings::snippet::{TEMPLATE, TIME_LIMIT_ENV, TIME_LIMIT_STATUS};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Compiles a snippet as skeptic does (the snippet, then the template's code after it) and returns the binary.
fn build(dir: &Path, name: &str, snippet: &str) -> PathBuf {
    let src = dir.join(format!("{name}.rs"));
    std::fs::write(&src, format!("\n{}", TEMPLATE.replacen("{}", snippet, 1))).unwrap();
    let bin = dir.join(name);
    let out = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into()))
        .args(["--edition=2024", "-C", "debuginfo=0", "-o"])
        .arg(&bin)
        .arg(&src)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    bin
}

/// Runs a binary with a time limit of 1 s; kills it after 20 s if the limit did not work.
fn run(bin: &Path) -> (Option<i32>, String, String, Duration) {
    let start = Instant::now();
    let mut child = Command::new(bin)
        .env(TIME_LIMIT_ENV, "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > Duration::from_secs(20) {
            child.kill().unwrap();
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        start.elapsed(),
    )
}

#[test]
fn a_blocking_snippet_is_stopped_and_a_finishing_one_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let blocks = build(
        dir.path(),
        "blocks",
        "fn main() {\n    let (_tx, rx) = std::sync::mpsc::channel::<()>();\n    rx.recv().unwrap();\n}\n",
    );
    let (code, _, stderr, took) = run(&blocks);
    assert_eq!(code, Some(TIME_LIMIT_STATUS), "{stderr}");
    assert!(
        stderr.contains("still running at its time limit"),
        "{stderr}"
    );
    assert!(took < Duration::from_secs(15), "stopped after {took:?}");

    let finishes = build(
        dir.path(),
        "finishes",
        "fn main() {\n    let s = std::fs::read_to_string(\"/proc/self/status\").unwrap();\n    \
         println!(\"{}\", s.lines().find(|l| l.starts_with(\"Threads:\")).unwrap());\n}\n",
    );
    let (code, stdout, stderr, _) = run(&finishes);
    assert_eq!(code, Some(0), "{stderr}");
    assert_eq!(
        stdout.split_whitespace().collect::<Vec<_>>(),
        ["Threads:", "1"]
    );
}
