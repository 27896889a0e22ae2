//! The harness must be able to fail: for every class, a right declaration passes and a wrong one is caught.
//! The programs are the `harness-fixture` modes, not book listings.

use listing_harness::{CompilerError, check_program, judge_compile, judge_invariant};
use mdbook_listings::spec::Behaviour;
use std::process::Command;

fn fixture(mode: &str) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_harness-fixture"));
    c.arg(mode);
    c
}

fn behaviour(toml: &str) -> Behaviour {
    toml::from_str(toml).unwrap_or_else(|e| panic!("bad test declaration {toml}: {e}"))
}

#[track_caller]
fn passes(mode: &str, decl: &str) {
    if let Err(e) = check_program(fixture(mode), &behaviour(decl)) {
        panic!("`{mode}` should satisfy {decl}, but: {e}");
    }
}

#[track_caller]
fn caught(mode: &str, decl: &str, reason: &str) {
    match check_program(fixture(mode), &behaviour(decl)) {
        Ok(ev) => panic!("`{mode}` must not satisfy {decl} (harness said: {ev})"),
        Err(e) => assert!(
            e.contains(reason),
            "`{mode}` vs {decl}: expected a failure mentioning {reason:?}, got: {e}"
        ),
    }
}

#[test]
fn output() {
    passes(
        "print",
        "behaviour = 'output'\nstdout = '''hello\nworld\n'''",
    );
    caught(
        "print",
        "behaviour = 'output'\nstdout = '''hello\nmars\n'''",
        "differs from the declared `stdout`",
    );
    caught(
        "panic",
        "behaviour = 'output'\nstdout = 'x'",
        "expected to exit successfully",
    );
}

#[test]
fn invariant() {
    passes(
        "shuffle",
        "behaviour = 'invariant'\ninvariant = 'a, b, c in any order'\nunordered-lines = '''a\nb\nc\nend'''\nlast-line = 'end'",
    );
    passes(
        "shuffle",
        "behaviour = 'invariant'\ninvariant = 'letters'\neach-line-matches = '[a-z]+'\nline-count = 4",
    );
    caught(
        "shuffle",
        "behaviour = 'invariant'\ninvariant = 'ends with a'\nlast-line = 'a'",
        "the last line should be",
    );
    caught(
        "shuffle",
        "behaviour = 'invariant'\ninvariant = 'd appears'\ncontains-lines = ['d']",
        "should appear",
    );
    let b = behaviour(
        "behaviour = 'invariant'\ninvariant = 'same lines'\nunordered-lines = '''a\nb'''",
    );
    assert!(judge_invariant(&b, "b\na\n").is_ok());
    assert!(
        judge_invariant(&b, "a\na\n").is_err(),
        "a multiset, not a set"
    );
}

#[test]
fn panic() {
    passes("panic", "behaviour = 'panic'\npanic = 'boom'");
    caught(
        "panic",
        "behaviour = 'panic'\npanic = 'bang'",
        "not with the declared message",
    );
    caught(
        "print",
        "behaviour = 'panic'\npanic = 'boom'",
        "expected to die of a panic",
    );
}

#[test]
fn deadlock() {
    passes(
        "deadlock",
        "behaviour = 'deadlock'\nblocked = 'join waits on recv'\nstdout = 'waiting'",
    );
    caught("print", "behaviour = 'deadlock'\nblocked = 'x'", "finished");
    caught(
        "spin",
        "behaviour = 'deadlock'\nblocked = 'x'",
        "not blocked",
    );
    caught(
        "sleep",
        "behaviour = 'deadlock'\nblocked = 'x'",
        "merely sleeping",
    );
    caught(
        "deadlock",
        "behaviour = 'deadlock'\nblocked = 'x'\nstdout = 'other'",
        "differs from the declared",
    );
}

#[test]
fn spin() {
    passes("spin", "behaviour = 'spin'\nspinning = 'a busy loop'");
    caught(
        "deadlock",
        "behaviour = 'spin'\nspinning = 'x'",
        "does not spin",
    );
    caught("print", "behaviour = 'spin'\nspinning = 'x'", "finished");
}

#[test]
fn leak() {
    passes(
        "leak",
        "behaviour = 'leak'\nleaked = 'two receivers'\nleaked-threads = 2\nstdout = 'work done'",
    );
    caught(
        "leak",
        "behaviour = 'leak'\nleaked = 'x'\nleaked-threads = 3\nstdout = 'work done'",
        "were declared leaked",
    );
    caught(
        "print",
        "behaviour = 'leak'\nleaked = 'x'\nleaked-threads = 1\nstdout = '''hello\nworld'''",
        "expected to keep running",
    );
}

/// Compiles `source` with the pinned rustc, returning whether it compiled and its errors.
fn rustc(source: &str) -> (bool, Vec<CompilerError>) {
    let dir = std::env::temp_dir().join(format!(
        "harness-selftest-{}-{}",
        std::process::id(),
        source.len()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("main.rs");
    std::fs::write(&file, source).unwrap();
    let out = Command::new("rustc")
        .args([
            "--edition",
            "2024",
            "--error-format=json",
            "--emit=metadata",
            "--crate-type=bin",
            "--out-dir",
        ])
        .arg(&dir)
        .arg(&file)
        .output()
        .expect("run rustc");
    let errors = String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| CompilerError::from_diagnostic(&v))
        .collect();
    let _ = std::fs::remove_dir_all(&dir);
    (out.status.success(), errors)
}

#[test]
fn compile_fail() {
    let moved = "fn main() { let s = String::new(); drop(s); drop(s); }";
    let (ok, errors) = rustc(moved);
    let decl = |code: &str, msg: &str| {
        behaviour(&format!(
            "behaviour = 'compile-fail'\nerror = '{code}'\nmessage = '{msg}'"
        ))
    };
    assert!(
        judge_compile(&decl("E0382", "use of moved value"), ok, &errors).is_ok(),
        "{errors:?}"
    );
    let wrong = judge_compile(&decl("E0499", "use of moved value"), ok, &errors).unwrap_err();
    assert!(wrong.contains("not as declared"), "{wrong}");
    let (ok, errors) = rustc("fn main() { let s = String::new(); drop(s); }");
    let fine = judge_compile(&decl("E0382", "use of moved value"), ok, &errors).unwrap_err();
    assert!(fine.contains("it compiles"), "{fine}");
}
