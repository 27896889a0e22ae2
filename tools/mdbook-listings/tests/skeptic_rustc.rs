//! `tools/skeptic-rustc`, the rustc skeptic calls: it keeps every argument whole (a checkout path with spaces) and
//! sets the book's edition.

use std::path::Path;
use std::process::Command;

#[test]
fn keeps_arguments_with_spaces_whole() {
    let wrapper = Path::new(env!("CARGO_MANIFEST_DIR")).join("../skeptic-rustc");
    let dir = tempfile::tempdir().unwrap();
    // A stand-in for rustc that prints its arguments, one per line.
    let fake = dir.path().join("fake rustc");
    std::fs::write(&fake, "#!/bin/sh\nfor a do printf '%s\\n' \"$a\"; done\n").unwrap();
    Command::new("chmod").arg("+x").arg(&fake).status().unwrap();
    let test_rs = dir.path().join("my book/rust-skeptic.x1/test.rs");
    let out = Command::new(&wrapper)
        .env("SKEPTIC_REAL_RUSTC", &fake)
        .arg(&test_rs)
        .args([
            "--edition=2021",
            "-L",
            "/a path/with spaces/deps",
            "--extern",
            "tokio=/x y/libtokio.rlib",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    let args: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect();
    assert_eq!(
        args,
        [
            test_rs.to_str().unwrap(),
            "--edition=2024",
            "-L",
            "/a path/with spaces/deps",
            "--extern",
            "tokio=/x y/libtokio.rlib",
            "-C",
            "strip=debuginfo"
        ]
    );
    // Any other compile passes through untouched.
    let out = Command::new(&wrapper)
        .env("SKEPTIC_REAL_RUSTC", &fake)
        .args(["src/lib.rs", "--edition=2021"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "src/lib.rs\n--edition=2021\n"
    );
}
