//! The harness must be able to fail: for every class, a right declaration passes and a wrong one is caught, and
//! every loophole found by review (issues 8 and 18) is a case here that fails for the right reason. The programs
//! are the `harness-fixture` modes and the Go fixtures in `tests/go/`, not book listings.
//!
//! The stuck-process cases mostly wait, so each test runs its cases in parallel.

use listing_harness::{CompilerError, LIMITS, Limits, go, judge, judge_invariant, process};
use mdbook_listings::spec::{Behaviour, Lang, Listing};
use std::path::{Path, PathBuf};
use std::process::Command;

fn behaviour(toml: &str) -> Behaviour {
    toml::from_str(toml).unwrap_or_else(|e| panic!("bad test declaration {toml}: {e}"))
}

/// What a case expects: a pass, or a failure whose message contains every given text.
enum Expect {
    Pass,
    Caught(&'static [&'static str]),
    /// Caught, for one of these reasons (whichever the program shows first).
    Either(&'static [&'static str]),
}
use Expect::{Caught, Either, Pass};

struct Case {
    args: Vec<String>,
    decl: String,
    expect: Expect,
    limits: Limits,
}

/// Shorter windows, for the cases that do not depend on the book's numbers (the suite waits less).
const FAST: Limits = Limits {
    alive_after_ms: 100,
    window_ms: 150,
    windows: 3,
    spin_recheck_ms: 300,
    ..LIMITS
};

fn case(mode: &str, decl: &str, expect: Expect) -> Case {
    Case {
        args: mode.split(' ').map(str::to_string).collect(),
        decl: decl.to_string(),
        expect,
        limits: FAST,
    }
}

/// A case about the book's own numbers: a program that stops after 0.7 to 2 s must not pass with them.
fn book_case(mode: &str, decl: &str, expect: Expect) -> Case {
    case(mode, decl, expect).limits(LIMITS)
}

impl Case {
    fn limits(mut self, l: Limits) -> Case {
        self.limits = l;
        self
    }
}

/// Runs every case at once (each on its own thread) and reports every wrong verdict.
fn run_cases(cases: Vec<Case>, lang: Lang, program: impl Fn(&[String]) -> Command + Sync) {
    let program = &program;
    let problems: Vec<String> = std::thread::scope(|s| {
        let handles: Vec<_> = cases
            .iter()
            .map(|c| {
                s.spawn(move || {
                    let b = behaviour(&c.decl);
                    let cmd = || program(&c.args);
                    let verdict = judge::check_program(&cmd, &b, lang, &c.limits);
                    let who = format!("`{}` vs {}", c.args.join(" "), c.decl.replace('\n', "; "));
                    match (&c.expect, verdict) {
                        (Pass, Ok(_)) => None,
                        (Pass, Err(e)) => Some(format!("{who} should pass, but: {}", e.render("it"))),
                        (Caught(_) | Either(_), Ok(ev)) => {
                            Some(format!("{who} must be caught (the harness said: {ev})"))
                        }
                        (Either(any), Err(e)) => {
                            let msg = e.render("it");
                            (!any.iter().any(|w| msg.contains(w)))
                                .then(|| format!("{who}: expected a failure mentioning one of {any:?}, got: {msg}"))
                        }
                        (Caught(want), Err(e)) => {
                            let msg = e.render("it");
                            let missing: Vec<&&str> = want.iter().filter(|w| !msg.contains(**w)).collect();
                            (!missing.is_empty())
                                .then(|| format!("{who}: expected a failure mentioning {missing:?}, got: {msg}"))
                        }
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .filter_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(problems.is_empty(), "\n{}", problems.join("\n\n"));
}

fn fixture(args: &[String]) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_harness-fixture"));
    c.args(args);
    c
}

fn rust_cases(cases: Vec<Case>) {
    run_cases(cases, Lang::Rust, fixture);
}

const HELLO: &str = "behaviour = 'output'\nstdout = '''hello\nworld\n'''";

#[test]
fn output() {
    let scratch = std::env::temp_dir().join(format!("harness-runs-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).unwrap();
    let short = Limits {
        finish_within_ms: 1000,
        drain_within_ms: 300,
        ..FAST
    };
    rust_cases(vec![
        case("print", HELLO, Pass),
        case(
            "print",
            "behaviour = 'output'\nstdout = '''hello\nmars\n'''",
            Caught(&[
                "differs from the declared `stdout`",
                "first difference at line 2",
            ]),
        ),
        case(
            "panic",
            "behaviour = 'output'\nstdout = 'x'",
            Caught(&["expected to exit successfully"]),
        ),
        // Issue 8, hole 4: trailing blank lines, stderr, time.
        case(
            "print-trailing-blank",
            HELLO,
            Caught(&["differs", "line 3"]),
        ),
        case("print-trailing-space", HELLO, Caught(&["\"hello·\""])),
        case(
            "worker-panics",
            HELLO,
            Caught(&["wrote to stderr", "worker failed"]),
        ),
        case(
            "print-stderr",
            HELLO,
            Caught(&["wrote to stderr", "careful"]),
        ),
        case(
            "print-stderr",
            &format!("{HELLO}\nstderr = 'careful'"),
            Pass,
        ),
        case(
            "slow-print 60000",
            HELLO,
            Caught(&["still running after 1.", "must be done within 1.0 s"]),
        )
        .limits(short),
        // Issue 18: a descendant holding stdout open cannot make the check wait for it.
        case(
            "descendant",
            HELLO,
            Caught(&["a descendant kept stdout or stderr open"]),
        )
        .limits(short),
        // Issue 18: a flood is kept bounded, and the message says how much was cut.
        case("flood", HELLO, Caught(&["bytes not kept"])),
        // Line properties are never judged on a cut output (the cut would leave a fragment of a line).
        case(
            "flood",
            "behaviour = 'invariant'\ninvariant = 'x'\neach-line-matches = 'x*'\nline-count = 1",
            Caught(&["more than the harness keeps"]),
        ),
        // Issue 8, hole 5: every run must pass; the third of three runs prints something else.
        case(
            &format!("third-run-fails {}", scratch.display()),
            HELLO,
            Caught(&["run ", "of 3", "lost update"]),
        ),
    ]);
    let _ = std::fs::remove_dir_all(&scratch);
}

#[test]
fn messages_are_bounded_and_not_doubled() {
    let b = behaviour(HELLO);
    let flood =
        judge::check_program(&|| fixture(&["flood".into()]), &b, Lang::Rust, &LIMITS).unwrap_err();
    let msg = flood.render("it");
    assert!(
        msg.len() < 4 * LIMITS.capture_bytes + 4096,
        "{} bytes",
        msg.len()
    );
    let panic =
        judge::check_program(&|| fixture(&["panic".into()]), &b, Lang::Rust, &LIMITS).unwrap_err();
    let msg = panic.render("it");
    assert!(!msg.contains("exit status: exit status"), "{msg}");
    assert!(msg.contains("exit status 101"), "{msg}");
}

#[test]
fn the_environment_is_an_allow_list() {
    let mut cmd = fixture(&["env".into()]);
    cmd.env("TOKIO_WORKER_THREADS", "1")
        .env("RUSTC", "/bin/false");
    let r = process::Running::start(cmd, &[("RUST_BACKTRACE", "0")], &LIMITS).unwrap();
    let f = r.finish(std::time::Duration::from_secs(10)).unwrap();
    let names: Vec<String> = f.stdout.text().lines().map(str::to_string).collect();
    for banned in [
        "TOKIO_WORKER_THREADS",
        "RUSTC",
        "CARGO_MANIFEST_DIR",
        "CARGO_PKG_NAME",
    ] {
        assert!(
            !names.iter().any(|n| n == banned),
            "{banned} leaked into {names:?}"
        );
    }
    assert!(names.iter().any(|n| n == "PATH"), "{names:?}");
    assert!(names.iter().any(|n| n == "RUST_BACKTRACE"), "{names:?}");
}

/// Issue 18: when the test process is killed (an IDE's stop button, a CI timeout), its programs die with it.
#[test]
fn programs_die_with_the_harness() {
    use std::io::BufRead;
    let mut supervisor = fixture(&["supervise".into()])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufReader::new(supervisor.stdout.take().unwrap())
        .read_line(&mut line)
        .unwrap();
    let pid: u32 = line.trim().parse().expect("the spinning program's pid");
    let alive = || {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .ok()
            .and_then(|s| s.rsplit_once(") ").map(|(_, r)| !r.starts_with('Z')))
            .unwrap_or(false)
    };
    assert!(alive(), "the spinning program {pid} should be running");
    supervisor.kill().unwrap();
    supervisor.wait().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
    while alive() && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        !alive(),
        "the spinning program {pid} outlived the harness that started it"
    );
}

#[test]
fn invariant() {
    rust_cases(vec![
        case(
            "shuffle",
            "behaviour = 'invariant'\ninvariant = 'a, b, c in any order'\nunordered-lines = '''a\nb\nc\nend'''\nlast-line = 'end'",
            Pass,
        ),
        case(
            "shuffle",
            "behaviour = 'invariant'\ninvariant = 'letters'\neach-line-matches = '[a-z]+'\nline-count = 4",
            Pass,
        ),
        case(
            "shuffle",
            "behaviour = 'invariant'\ninvariant = 'ends with a'\nlast-line = 'a'",
            Caught(&["the last line should be"]),
        ),
        case(
            "shuffle",
            "behaviour = 'invariant'\ninvariant = 'd appears'\ncontains-lines = ['d']",
            Caught(&["should appear"]),
        ),
    ]);
    let b = behaviour(
        "behaviour = 'invariant'\ninvariant = 'same lines'\nunordered-lines = '''a\nb'''",
    );
    assert!(judge_invariant(&b, "b\na\n").is_ok());
    assert!(
        judge_invariant(&b, "a\na\n").is_err(),
        "a multiset, not a set"
    );
    // Issue 18: `each-line-matches` alone passes on empty output; the judge refuses it too (the loader does).
    let b = behaviour("behaviour = 'invariant'\ninvariant = 'x'\neach-line-matches = 'a+'");
    let e = judge_invariant(&b, "").unwrap_err();
    assert!(e.contains("there is no output"), "{e}");
}

#[test]
fn panic() {
    rust_cases(vec![
        case("panic", "behaviour = 'panic'\npanic = 'boom'", Pass),
        case(
            "panic",
            "behaviour = 'panic'\npanic = 'bang'",
            Caught(&["not the declared one"]),
        ),
        case(
            "print",
            "behaviour = 'panic'\npanic = 'boom'",
            Caught(&["expected to die of a panic"]),
        ),
        // Issue 18: a Drop that prints after the last panic is not part of its message.
        case(
            "drop-after-panic",
            "behaviour = 'panic'\npanic = 'boom'\npanics = ['first']\nstderr = 'cleaning up'",
            Pass,
        ),
        case(
            "drop-after-panic",
            "behaviour = 'panic'\npanic = 'boom'",
            Caught(&["wrote to stderr", "cleaning up"]),
        ),
    ]);
}

const BLOCKED: &str = "behaviour = 'deadlock'\nblocked = 'x'";

/// The stuck-process cases mostly wait: all of them run at once.
#[test]
fn stuck_processes() {
    let mut cases = deadlock();
    cases.extend(spin());
    cases.extend(leak());
    rust_cases(cases);
}

/// Issue 8, hole 1 and issue 18: timed waits, polling, sockets, a wait that ends, a thread whose name is cut.
fn deadlock() -> Vec<Case> {
    vec![
        case("deadlock", &format!("{BLOCKED}\nstdout = 'waiting'"), Pass),
        case("tokio-idle", BLOCKED, Pass),
        case("print", BLOCKED, Caught(&["finished"])),
        case("spin", BLOCKED, Caught(&["not blocked"])),
        case("sleep", BLOCKED, Caught(&["clock_nanosleep"])),
        case(
            "park-timeout-loop",
            BLOCKED,
            Caught(&["futex with a timeout"]),
        ),
        case("recv-timeout", BLOCKED, Caught(&["futex with a timeout"])),
        case("recv-poll", BLOCKED, Caught(&["not blocked"])),
        case(
            "tokio-sleep",
            BLOCKED,
            Caught(&["epoll_wait with a timeout"]),
        ),
        case("accept", BLOCKED, Caught(&["accept"])),
        // A read that only the program itself could end is final; one with a timeout, or one that another
        // process could end, is not.
        case("socket-read-self", BLOCKED, Pass),
        case(
            "socket-read-timeout",
            BLOCKED,
            Caught(&["recvfrom on a socket with a timeout"]),
        ),
        case(
            "socket-read-other",
            BLOCKED,
            Caught(&["the system call recvfrom"]),
        ),
        // It holds the listener, but so does a child it started, which could accept and write.
        case(
            "socket-read-shared",
            BLOCKED,
            Caught(&["the system call recvfrom"]),
        ),
        // Its listener has SO_REUSEPORT: another process could listen on the same port.
        case(
            "socket-read-reuseport",
            BLOCKED,
            Caught(&["the system call recvfrom"]),
        ),
        book_case(
            "deadlock-then-exit",
            BLOCKED,
            Caught(&["finished", "killed by signal 14"]),
        ),
        case("busy-named-thread", BLOCKED, Caught(&["not blocked"])),
        case(
            "deadlock",
            &format!("{BLOCKED}\nstdout = 'other'"),
            Caught(&["differs from the declared"]),
        ),
    ]
}

/// Issue 8, hole 2: a spin must stay busy.
fn spin() -> Vec<Case> {
    let decl = "behaviour = 'spin'\nspinning = 'x'";
    vec![
        case("spin", decl, Pass),
        case("deadlock", decl, Caught(&["does not spin"])),
        case("print", decl, Caught(&["finished"])),
        book_case("spin-for 700", decl, Caught(&["finished"])),
        book_case("spin-for 1200", decl, Caught(&["finished"])),
        case("spin-then-block", decl, Caught(&["does not spin"])),
    ]
}

/// Issue 8, hole 2: exactly the declared leaked threads, all in untimed waits, and main too.
fn leak() -> Vec<Case> {
    let decl = |n: u32| {
        format!("behaviour = 'leak'\nleaked = 'x'\nleaked-threads = {n}\nstdout = 'work done'")
    };
    vec![
        case("leak", &decl(2), Pass),
        case(
            "leak",
            &decl(3),
            Caught(&["2 thread(s) besides main are alive, 3 declared"]),
        ),
        case(
            "leak-extra",
            &decl(2),
            Caught(&["3 thread(s) besides main are alive, 2 declared"]),
        ),
        case("leak-main-spins", &decl(2), Caught(&["not blocked"])),
        book_case(
            "leak-exits",
            &decl(2),
            Either(&["clock_nanosleep", "expected to keep running"]),
        ),
        case(
            "print",
            "behaviour = 'leak'\nleaked = 'x'\nleaked-threads = 1\nstdout = '''hello\nworld'''",
            Caught(&["expected to keep running"]),
        ),
    ]
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
    let decl = |codes: &str, msg: &str| {
        behaviour(&format!(
            "behaviour = 'compile-fail'\n{codes}\nmessage = '{msg}'"
        ))
    };
    let judge = |b: &Behaviour, (ok, errors): &(bool, Vec<CompilerError>)| {
        judge::compile::rust(b, *ok, errors)
    };
    let moved = rustc("fn main() { let s = String::new(); drop(s); drop(s); }");
    assert!(
        judge(&decl("error = 'E0382'", "use of moved value"), &moved).is_ok(),
        "{:?}",
        moved.1
    );
    let wrong = judge(&decl("error = 'E0499'", "use of moved value"), &moved).unwrap_err();
    assert!(
        wrong
            .reason
            .contains("error[E0382]: use of moved value: `s` is not a declared error"),
        "{wrong}"
    );
    let fine = rustc("fn main() { let s = String::new(); drop(s); }");
    let e = judge(&decl("error = 'E0382'", "use of moved value"), &fine).unwrap_err();
    assert!(e.reason.contains("it compiles"), "{e}");
    // Issue 8, hole 3: the declared error plus an unrelated one is caught; both declared passes.
    let two = rustc(
        "fn main() { let s = String::new(); drop(s); drop(s); let n = 1; n = 2; let _ = n; }",
    );
    let e = judge(&decl("error = 'E0382'", "use of moved value"), &two).unwrap_err();
    assert!(e.reason.contains("error[E0384]"), "{e}");
    let both = judge(
        &decl("errors = ['E0382', 'E0384']", "use of moved value"),
        &two,
    );
    assert!(both.is_ok(), "{both:?}");
}

/// The Go toolchain for the Go self-tests, or `None` (with a note) when it is missing outside CI.
fn toolchain() -> Option<go::Toolchain> {
    let target = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    match go::find(&target) {
        Ok(t) => Some(t),
        Err(go::Missing(why)) if !go::required() => {
            eprintln!(
                "note: Go self-tests not run: {why}; {}",
                go::how_to_enable()
            );
            None
        }
        Err(go::Missing(why)) => panic!("CI is set and Go is missing: {why}"),
    }
}

fn go_fixture(name: &str, decl: &str) -> Listing {
    Listing {
        dir: Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/go")
            .join(name),
        rel: format!("go/{name}"),
        package: format!("fixture-{name}"),
        lang: Lang::Go,
        description: String::new(),
        behaviour: behaviour(decl),
    }
}

/// The Go classes, judged from the Go runtime's own reports.
#[test]
fn go_classes() {
    let Some(t) = toolchain() else {
        return;
    };
    let built =
        |name: &str, mode: go::Mode| match go::build(&t, &go_fixture(name, HELLO), mode).unwrap() {
            go::Built::Binary(exe) => exe,
            go::Built::Failed(e) => panic!("the Go fixture {name} does not build: {e}"),
        };
    let deadlock = built("deadlock", go::Mode::Plain);
    let race = built("race", go::Mode::Race);
    let fatal = built("fatal", go::Mode::Plain);
    let panic = built("panic", go::Mode::Plain);
    let spin = built("spin", go::Mode::Plain);
    let blocked = "behaviour = 'deadlock'\nblocked = 'x'\nstdout = '1'\ngoroutines = ['main.go:13 chan send', 'main.go:21 sleep']";
    let races = "behaviour = 'race'\nrace = 'x'\naccesses = ['main.go:21', 'main.go:21']";
    let fatal_decl =
        "behaviour = 'fatal'\nfatal = 'all goroutines are asleep - deadlock!'\nstdout = 'waiting'";
    let exes = [deadlock, race, fatal, panic, spin];
    // The usual outcome is the fatal error; a clean exit that prints `waiting` is the other accepted one.
    let outcomes = format!(
        "behaviour = 'outcomes'\nusually = 'x'\n[[outcomes]]\n{fatal_decl}\n[[outcomes]]\nbehaviour = 'output'\nstdout = 'waiting'\n"
    );
    run_cases(
        vec![
            case("deadlock", blocked, Pass),
            // A Go "deadlock" that finishes.
            book_case("deadlock finish", blocked, Caught(&["finished"])),
            case(
                "deadlock",
                &blocked.replace("main.go:13", "main.go:12"),
                Caught(&["other blocked goroutines than declared"]),
            ),
            case("race", races, Pass),
            // A `race` listing without a race.
            case("race locked", races, Caught(&["reported no data race"])),
            case("fatal", fatal_decl, Pass),
            // A `fatal` listing that exits cleanly.
            case(
                "fatal clean",
                fatal_decl,
                Caught(&["expected to be stopped by the Go runtime"]),
            ),
            case(
                "panic",
                "behaviour = 'panic'\npanic = 'runtime error: index out of range [-1]'",
                Pass,
            ),
            case(
                "panic x",
                "behaviour = 'panic'\npanic = 'runtime error: index out of range [-1]'",
                Caught(&["expected to panic"]),
            ),
            case("spin", "behaviour = 'spin'\nspinning = 'x'", Pass),
            case("fatal", &outcomes, Pass),
            case(
                "fatal clean",
                &outcomes,
                Caught(&["the usual outcome was not seen in 10 runs"]),
            ),
            case(
                "fatal clean",
                &outcomes.replace("stdout = 'waiting'\n", "stdout = 'nope'\n"),
                Caught(&["matches none of the declared outcomes"]),
            ),
        ],
        Lang::Go,
        |args: &[String]| {
            let exe = match args[0].as_str() {
                "deadlock" => &exes[0],
                "race" => &exes[1],
                "fatal" => &exes[2],
                "panic" => &exes[3],
                _ => &exes[4],
            };
            let mut c = Command::new(exe);
            c.args(&args[1..]);
            c
        },
    );
    let check = |name: &str, decl: &str| {
        listing_harness::check_go_listing(&t, &go_fixture(name, decl), &LIMITS)
    };
    let copylocks = "behaviour = 'vet'\ncheck = 'copylocks'\nmessage = 'passes lock by value'";
    assert!(
        check("vet", copylocks).is_ok(),
        "{:?}",
        check("vet", copylocks)
    );
    // A `vet` listing that vet accepts.
    let e = check("vetclean", copylocks).unwrap_err();
    assert!(e.reason.contains("accepts it"), "{e}");
    let cf = "behaviour = 'compile-fail'\nmessage = 'declared and not used: x'\nline = 4";
    assert!(
        check("compilefail", cf).is_ok(),
        "{:?}",
        check("compilefail", cf)
    );
    let e = check("compilefail", &cf.replace("line = 4", "line = 5")).unwrap_err();
    assert!(e.reason.contains("no error contains"), "{e}");
    let e = check("vetclean", cf).unwrap_err();
    assert!(e.reason.contains("it compiles"), "{e}");
}

/// `shutdown`: the harness sends a real signal after the trigger line, and each way of not shutting down as
/// declared is caught with a message that says which.
#[test]
fn shutdown() {
    const DRAINS: &str = "behaviour = 'shutdown'\ntrigger = 'ready'\nsignal = 'SIGTERM'\nwithin-ms = 1000\n\
                          stdout = '''starting\nready\ndrained 2 jobs\n'''";
    let on_int = DRAINS.replace("'SIGTERM'", "'SIGINT'");
    let killed = format!("{DRAINS}\nkilled-by = 'SIGKILL'").replace("drained 2 jobs\n", "");
    let by_default = format!("{DRAINS}\nkilled-by = 'SIGTERM'").replace("drained 2 jobs\n", "");
    let short = Limits {
        finish_within_ms: 1500,
        ..FAST
    };
    rust_cases(vec![
        case("await-signal 15 0", DRAINS, Pass),
        case("await-signal 2 0", &on_int, Pass),
        case("await-signal 15 1", &format!("{DRAINS}\nexit = 1"), Pass),
        case("ignore-signal", &killed, Pass),
        case("no-handler", &by_default, Pass),
        // No handler at all: SIGTERM's default action ends it at once, in-flight work and all.
        case(
            "no-handler",
            DRAINS,
            Caught(&[
                "after SIGTERM it ended (killed by signal 15), not with the declared exit status 0",
            ]),
        ),
        // It ignores the signal.
        case(
            "ignore-signal",
            DRAINS,
            Caught(&[
                "still running 1000 ms after SIGTERM",
                "exits with status 0 by then",
                "killed",
            ]),
        ),
        // It drains, but more slowly than declared.
        case(
            "slow-drain 3000",
            DRAINS,
            Caught(&["still running 1000 ms after SIGTERM"]),
        ),
        // It exits before the trigger line.
        case(
            "exit-before-ready",
            DRAINS,
            Caught(&[
                "ended (exit status 0) before printing the trigger line \"ready\"",
                "no signal was sent",
            ]),
        ),
        // It never prints the trigger line.
        case(
            "never-ready",
            DRAINS,
            Caught(&["did not print the trigger line \"ready\" within 1.5 s"]),
        )
        .limits(short),
        // It ends by itself soon after the trigger line, whether signalled or not: the control run catches it.
        case(
            "exit-unprompted 300",
            DRAINS,
            Caught(&["control run (no signal sent)", "though nobody signalled it"]),
        ),
        // It prints the wrong tail.
        case(
            "await-signal 15 0",
            &DRAINS.replace("drained 2 jobs", "drained 3 jobs"),
            Caught(&["differs from the declared `stdout`", "line 3"]),
        ),
        // It prints its tail before the signal, not after it.
        case(
            "await-signal 15 0 chatty",
            DRAINS,
            Caught(&[
                "printed more after the trigger line \"ready\" before the signal was sent",
                "drained 2 jobs",
            ]),
        ),
        // It exits non-zero.
        case(
            "await-signal 15 3",
            DRAINS,
            Caught(&[
                "after SIGTERM it ended (exit status 3), not with the declared exit status 0",
            ]),
        ),
        // It waits for SIGINT, but SIGTERM is sent: the default action kills it.
        case(
            "await-signal 2 0",
            DRAINS,
            Caught(&["it ended (killed by signal 15)"]),
        ),
        // Declared to ignore the signal, but it exits.
        case(
            "await-signal 15 0",
            &format!("{DRAINS}\nkilled-by = 'SIGKILL'"),
            Caught(&["the declaration says it ignores it"]),
        ),
        // Declared to die of the signal's default action, but it handles it.
        case(
            "await-signal 15 0",
            &format!("{DRAINS}\nkilled-by = 'SIGTERM'"),
            Caught(&["not with the declared death by SIGTERM (signal 15)"]),
        ),
    ]);
}

/// `shutdown` for Go: the same judge, with the Go runtime's signal handling.
#[test]
fn go_shutdown() {
    let Some(t) = toolchain() else {
        return;
    };
    let exe = match go::build(&t, &go_fixture("shutdown", HELLO), go::Mode::Plain).unwrap() {
        go::Built::Binary(exe) => exe,
        go::Built::Failed(e) => panic!("the Go fixture shutdown does not build: {e}"),
    };
    let drains = "behaviour = 'shutdown'\ntrigger = 'ready'\nsignal = 'SIGTERM'\nwithin-ms = 1000\n\
                  stdout = '''starting\nready\ndrained 2 jobs\n'''";
    let ignores = format!("{drains}\nkilled-by = 'SIGKILL'").replace("drained 2 jobs\n", "");
    run_cases(
        vec![
            case("drain", drains, Pass),
            case("ignore", &ignores, Pass),
            case(
                "ignore",
                drains,
                Caught(&["still running 1000 ms after SIGTERM"]),
            ),
            // SIGINT is not what it listens for: Go's default for SIGINT ends it (exit status 2 after the
            // runtime's report, or the signal), not a drain.
            case(
                "drain",
                &drains.replace("'SIGTERM'", "'SIGINT'"),
                Caught(&["after SIGINT it ended"]),
            ),
        ],
        Lang::Go,
        |args| {
            let mut c = Command::new(&exe);
            c.args(args);
            c
        },
    );
}
