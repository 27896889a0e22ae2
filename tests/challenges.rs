//! The coding challenges' test suites, run by the book against every implementation (CONTRIBUTING, "Adding a
//! challenge"). A challenge's suite is the reader's own test file (`listings/c02/lru-exercise/tests/lru.rs`);
//! `build.rs` compiles it once per crate that declares `[package.metadata.challenge]`, and this runner judges each
//! copy against the declaration:
//!
//! - `expect = "pass"` (the reference solution): every test passes;
//! - `expect = "fail"` (the starter): every test fails, each with `message` (`todo!()`'s "not yet implemented");
//! - `expect = "caught"` (a typical wrong solution): each test of `caught-by` fails, with `message`, on every
//!   run: the suite forces the bug (a wrong solution the suite catches only in a lucky interleaving is not
//!   "caught", it is a flaky test);
//! - `expect = "loom"` (a wrong solution whose bug needs an unlucky interleaving that no test can force): the
//!   suite is not run against it; its `[[package.metadata.model]]` with `fails` catches it, in
//!   `cargo test -p book-tests --test models`, and this runner only reports that.
//!
//! Run one challenge with `cargo test -p book-tests --test challenges c02`. A hung test of a starter or a wrong
//! solution fails after `CHALLENGE_TIMEOUT_S` seconds (4 here unless set: only a wrong solution hangs); a test of
//! a reference solution gets 120 s, so that a loaded machine cannot fail it.

use std::collections::VecDeque;
use std::panic;
use std::sync::Mutex;
use std::thread;

pub struct Impl {
    pub package: &'static str,
    pub manifest: &'static str,
    pub suite: &'static str,
    pub expect: &'static str,
    pub message: &'static str,
    pub caught_by: &'static [&'static str],
    /// The loom models declared to fail, for `expect = "loom"`.
    pub models: &'static [&'static str],
    pub tests: &'static [(&'static str, fn())],
}

include!(concat!(env!("OUT_DIR"), "/challenges.rs"));

/// Where a test's outcome lands: `Err` holds its panic message.
type Slot = Mutex<Option<Result<(), String>>>;

/// How many tests run at once: a hung test holds its slot (asleep) until its timeout.
const SLOTS: usize = 32;

/// The time limit of a reference solution's test: it fails only if the solution really hangs.
const PASS_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(120);

fn main() {
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    if std::env::args().any(|a| a == "--list") {
        for i in IMPLS {
            println!("{}: test", i.package);
        }
        return;
    }
    if std::env::var_os(challenge_kit::TIMEOUT_ENV).is_none() {
        // SAFETY: no other thread runs yet.
        unsafe { std::env::set_var(challenge_kit::TIMEOUT_ENV, "4") };
    }
    // Expected failures would otherwise print a panic report each; the verdicts below say what failed and why.
    panic::set_hook(Box::new(|_| {}));
    let selected: Vec<&Impl> = IMPLS
        .iter()
        .filter(|i| filters.is_empty() || filters.iter().any(|f| i.package.contains(f.as_str())))
        .collect();
    // The reference solutions first, while the machine is not yet busy with the wrong solutions' hung tests
    // (which only sleep until their timeout, but share the cores with everything else).
    let mut jobs: Vec<(usize, usize)> = selected
        .iter()
        .enumerate()
        // A wrong solution left to loom is not run: its tests pass or fail depending on scheduling.
        .filter(|(_, imp)| imp.expect != "loom")
        .flat_map(|(i, imp)| (0..imp.tests.len()).map(move |t| (i, t)))
        .collect();
    jobs.sort_by_key(|&(i, _)| selected[i].expect != "pass");
    let jobs: VecDeque<(usize, usize)> = jobs.into();
    let results: Vec<Vec<Slot>> = selected
        .iter()
        .map(|imp| imp.tests.iter().map(|_| Mutex::new(None)).collect())
        .collect();
    let jobs = Mutex::new(jobs);
    thread::scope(|s| {
        for _ in 0..SLOTS {
            s.spawn(|| {
                loop {
                    // A `let … else` drops the guard at once: the test runs without the queue's lock.
                    let Some((i, t)) = jobs.lock().unwrap().pop_front() else {
                        break;
                    };
                    let test = selected[i].tests[t].1;
                    // A reference solution is judged on what it does, not on its speed: on a loaded machine
                    // (2 cores, load 12) its 1,000-item tests have needed more than 4 s. The short limit is for
                    // the wrong solutions, whose hangs are expected.
                    challenge_kit::set_thread_timeout(if selected[i].expect == "pass" {
                        Some(PASS_TIMEOUT)
                    } else {
                        None
                    });
                    let outcome = panic::catch_unwind(test).map_err(|p| message(&*p));
                    *results[i][t].lock().unwrap() = Some(outcome);
                }
            });
        }
    });
    let mut failures = Vec::new();
    for (imp, res) in selected.iter().zip(&results) {
        let res: Vec<(&str, Result<(), String>)> = imp
            .tests
            .iter()
            .zip(res)
            .filter(|_| imp.expect != "loom")
            .map(|((name, _), r)| (*name, r.lock().unwrap().take().expect("every test ran")))
            .collect();
        match judge(imp, &res) {
            Ok(verdict) => println!("ok     {}: {verdict}", imp.package),
            Err(why) => {
                println!("FAILED {}: {why}", imp.package);
                failures.push(format!("{}: {why}", imp.manifest));
            }
        }
    }
    if selected.is_empty() {
        println!("no challenge implementation matches {filters:?}");
    }
    if !failures.is_empty() {
        eprintln!(
            "\n{} challenge implementation(s) did not behave as declared:",
            failures.len()
        );
        for f in &failures {
            eprintln!("  {f}");
        }
        std::process::exit(1);
    }
}

fn judge(imp: &Impl, res: &[(&str, Result<(), String>)]) -> Result<String, String> {
    let failed = |name: &str| res.iter().find(|(n, _)| *n == name).map(|(_, r)| r);
    match imp.expect {
        "pass" => {
            let bad: Vec<String> = res
                .iter()
                .filter_map(|(n, r)| r.as_ref().err().map(|m| format!("`{n}` failed: {m}")))
                .collect();
            if bad.is_empty() {
                Ok(format!("passes all {} tests of {}", res.len(), imp.suite))
            } else {
                Err(format!(
                    "declares `expect = \"pass\"`, but {}",
                    bad.join("; ")
                ))
            }
        }
        "fail" => {
            let bad: Vec<String> = res
                .iter()
                .filter_map(|(n, r)| match r {
                    Ok(()) => Some(format!("`{n}` passed")),
                    Err(m) if !m.contains(imp.message) => Some(format!(
                        "`{n}` failed with {m:?}, not with {:?}",
                        imp.message
                    )),
                    Err(_) => None,
                })
                .collect();
            if imp.message.is_empty() {
                return Err(
                    "`expect = \"fail\"` needs `message`, the text every failure carries".into(),
                );
            }
            if bad.is_empty() {
                Ok(format!(
                    "fails all {} tests of {}, each with {:?}",
                    res.len(),
                    imp.suite,
                    imp.message
                ))
            } else {
                Err(format!(
                    "declares that every test fails with {:?}, but {}",
                    imp.message,
                    bad.join("; ")
                ))
            }
        }
        "caught" => {
            if imp.caught_by.is_empty() || imp.message.is_empty() {
                return Err(
                    "`expect = \"caught\"` needs `caught-by` (test names) and `message`".into(),
                );
            }
            let mut bad = Vec::new();
            for name in imp.caught_by {
                match failed(name) {
                    None => bad.push(format!("{} has no test `{name}`", imp.suite)),
                    Some(Ok(())) => bad.push(format!(
                        "`{name}` passed: the suite does not catch this bug"
                    )),
                    Some(Err(m)) if !m.contains(imp.message) => bad.push(format!(
                        "`{name}` failed with {m:?}, not with the declared {:?}",
                        imp.message
                    )),
                    Some(Err(_)) => {}
                }
            }
            if bad.is_empty() {
                let others = res
                    .iter()
                    .filter(|(n, r)| r.is_err() && !imp.caught_by.contains(n))
                    .count();
                Ok(format!(
                    "caught by {} with {:?}{}",
                    imp.caught_by.join(", "),
                    imp.message,
                    if others > 0 {
                        format!(" (and {others} more test(s) fail)")
                    } else {
                        String::new()
                    }
                ))
            } else {
                Err(bad.join("; "))
            }
        }
        "loom" => {
            if !imp.caught_by.is_empty() {
                return Err(
                    "`expect = \"loom\"` and `caught-by` contradict each other: a test of the suite that catches \
                     the bug on every run makes it `caught`; otherwise remove `caught-by`"
                        .into(),
                );
            }
            Ok(format!(
                "not run against {} (its bug needs an interleaving no test can force); caught by its loom \
                 model {} in `cargo test -p book-tests --test models`",
                imp.suite,
                imp.models.join(", ")
            ))
        }
        other => Err(format!(
            "`expect = {other:?}`: use \"pass\", \"fail\", \"caught\" or \"loom\""
        )),
    }
}

fn message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into())
}
