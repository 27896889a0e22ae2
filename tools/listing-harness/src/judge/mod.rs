//! One judge per behaviour class, and the two ways programs are run for them: a finishing program is run
//! [`Limits::runs`] times in parallel and every run must pass; a program that never finishes is started once and
//! watched.

pub mod compile;
pub mod finishing;
pub mod shutdown;
pub mod stuck;

use crate::limits::Limits;
use crate::process::{Finished, Running};
use crate::report::Failure;
use mdbook_listings::spec::{Behaviour, Lang};
use std::process::Command;
use std::sync::{Condvar, Mutex, OnceLock};
use std::time::Duration;

/// Builds the command that runs the program (called once per run).
pub type Program<'a> = &'a (dyn Fn() -> Command + Sync);

/// The environment a listing runs with, on top of the allow-list of [`crate::process::ENV_ALLOWED`].
pub fn env_for(lang: Lang) -> &'static [(&'static str, &'static str)] {
    match lang {
        Lang::Rust => &[("RUST_BACKTRACE", "0")],
        Lang::Go => &[("GOTRACEBACK", "all")],
    }
}

/// Judges one finished run against a finishing declaration.
pub fn judge_finished(b: &Behaviour, lang: Lang, f: &Finished) -> Result<String, Failure> {
    match b {
        Behaviour::Output {
            stdout,
            panics,
            stderr,
        } => finishing::output(f, lang, stdout, panics, stderr.as_deref()),
        Behaviour::Invariant { .. } => finishing::invariant(f, lang, b),
        Behaviour::Panic {
            panic,
            stdout,
            panics,
            stderr,
        } => finishing::panic(f, lang, panic, stdout.as_deref(), panics, stderr.as_deref()),
        Behaviour::Fatal { fatal, stdout } => finishing::fatal(f, fatal, stdout.as_deref()),
        Behaviour::Race {
            accesses, stdout, ..
        } => finishing::race(f, accesses, stdout.as_deref()),
        other => Err(Failure::setup(format!(
            "`{}` is not a finishing class",
            other.class()
        ))),
    }
}

/// How many finishing programs run at once across the whole test process (five per core): most of a short run is
/// starting up or waiting, but dozens at once on two cores would make each one slow, and each run's time is
/// measured. Five per core took the warm listings run from 19 s to 14 s on 2 cores (November 2026), and
/// `tests/stress.sh 10` (both cores saturated) still passed.
struct Slots {
    free: Mutex<usize>,
    freed: Condvar,
}

fn slots() -> &'static Slots {
    static S: OnceLock<Slots> = OnceLock::new();
    S.get_or_init(|| Slots {
        free: Mutex::new(
            std::thread::available_parallelism()
                .map_or(2, |n| n.get())
                .max(2)
                * 5,
        ),
        freed: Condvar::new(),
    })
}

pub(crate) struct Slot;

impl Slot {
    pub(crate) fn take() -> Slot {
        let s = slots();
        let mut free = s.free.lock().unwrap();
        while *free == 0 {
            free = s.freed.wait(free).unwrap();
        }
        *free -= 1;
        Slot
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let s = slots();
        *s.free.lock().unwrap() += 1;
        s.freed.notify_one();
    }
}

/// Runs the program once, to its end within the finish limit (in one of the shared slots).
pub fn run_once(program: Program, lang: Lang, limits: &Limits) -> Result<Finished, Failure> {
    let _slot = Slot::take();
    Running::start(program(), env_for(lang), limits)?
        .finish(Duration::from_millis(limits.finish_within_ms))
}

/// Runs the program `n` times in parallel, each to its end within the finish limit.
fn run_many(
    program: Program,
    lang: Lang,
    limits: &Limits,
    n: u32,
) -> Vec<Result<Finished, Failure>> {
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..n)
            .map(|_| scope.spawn(move || run_once(program, lang, limits)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Failure::setup("a run panicked in the harness")))
            })
            .collect()
    })
}

/// A finishing class: every one of [`Limits::runs`] runs must pass.
pub fn run_finishing(
    program: Program,
    b: &Behaviour,
    lang: Lang,
    limits: &Limits,
) -> Result<String, Failure> {
    let runs = run_many(program, lang, limits, limits.runs);
    let mut evidence = String::new();
    let mut slowest = Duration::ZERO;
    for (i, run) in runs.iter().enumerate() {
        let prefix = format!("run {} of {}: ", i + 1, limits.runs);
        let f = run.clone().map_err(|e| e.prefixed(&prefix))?;
        slowest = slowest.max(f.elapsed);
        evidence = judge_finished(b, lang, &f).map_err(|e| e.prefixed(&prefix))?;
    }
    Ok(format!(
        "{evidence}; all {} runs passed, the slowest took {:.2} s",
        limits.runs,
        slowest.as_secs_f64()
    ))
}

/// `outcomes`: every run matches one of the declared outcomes, and the first (usual) one is seen at least once.
pub fn run_outcomes(
    program: Program,
    outcomes: &[Behaviour],
    lang: Lang,
    limits: &Limits,
) -> Result<String, Failure> {
    let runs = run_many(program, lang, limits, limits.outcome_runs);
    let mut seen = vec![0u32; outcomes.len()];
    for (i, run) in runs.iter().enumerate() {
        let prefix = format!("run {} of {}: ", i + 1, limits.outcome_runs);
        let f = run.clone().map_err(|e| e.prefixed(&prefix))?;
        let mut first_failure = None;
        let hit = outcomes
            .iter()
            .position(|o| match judge_finished(o, lang, &f) {
                Ok(_) => true,
                Err(e) => {
                    first_failure.get_or_insert(e);
                    false
                }
            });
        match hit {
            Some(k) => seen[k] += 1,
            None => {
                let e = first_failure.unwrap_or_else(|| Failure::setup("no outcomes declared"));
                return Err(Failure::misbehaved(format!(
                    "{prefix}it matches none of the declared outcomes; against the usual one: {}",
                    e.reason
                ))
                .with_sections(e.sections));
            }
        }
    }
    if seen[0] == 0 {
        return Err(Failure::misbehaved(format!(
            "the usual outcome was not seen in {} runs (outcomes seen: {seen:?})",
            limits.outcome_runs
        )));
    }
    Ok(format!(
        "outcomes seen in {} runs: {seen:?}",
        limits.outcome_runs
    ))
}

/// Judges a program against a declaration of any class that runs it.
pub fn check_program(
    program: Program,
    b: &Behaviour,
    lang: Lang,
    limits: &Limits,
) -> Result<String, Failure> {
    let start = || Running::start(program(), env_for(lang), limits);
    match (b, lang) {
        (Behaviour::Outcomes { outcomes, .. }, _) => run_outcomes(program, outcomes, lang, limits),
        (Behaviour::Shutdown { .. }, _) => shutdown::check(program, b, lang, limits),
        (b, _) if b.finishes() => run_finishing(program, b, lang, limits),
        (
            Behaviour::Deadlock {
                goroutines: Some(g),
                stdout,
                ..
            },
            Lang::Go,
        ) => stuck::go_blocked(&mut start()?, limits, g, stdout.as_deref()),
        (Behaviour::Deadlock { stdout, .. }, Lang::Rust) => {
            stuck::deadlock(&mut start()?, limits, stdout.as_deref())
        }
        (Behaviour::Spin { .. }, Lang::Rust) => stuck::spin(&mut start()?, limits),
        (Behaviour::Spin { .. }, Lang::Go) => stuck::go_spin(&mut start()?, limits),
        (
            Behaviour::Leak {
                leaked_threads: Some(n),
                stdout,
                ..
            },
            Lang::Rust,
        ) => stuck::leak(&mut start()?, limits, *n, stdout),
        (
            Behaviour::Leak {
                goroutines: Some(g),
                stdout,
                ..
            },
            Lang::Go,
        ) => stuck::go_blocked(&mut start()?, limits, g, Some(stdout)),
        (other, lang) => Err(Failure::setup(format!(
            "a {lang:?} `{}` listing is not judged by running it (or its declaration is incomplete)",
            other.class()
        ))),
    }
}
