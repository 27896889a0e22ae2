//! Turns a listing's declared behaviour into a test.
//!
//! Every listing is built by one nested `cargo build` (shared target dir, so dependencies are compiled once), then
//! run as a subprocess and judged by its class:
//! - `output`, `invariant`, `panic`: the program must finish within a generous bound; its stdout, exit status and
//!   panic message are compared with the declaration, and a failure shows the whole stdout and stderr;
//! - `deadlock`: alive after [`ALIVE_AFTER_MS`] **and** blocked: every thread parked in the kernel on something
//!   other than a timer (a futex: lock, channel, join, condvar) and no CPU time used over a [`WINDOW_MS`] window;
//!   a sleeping program is "merely slow", a busy one is a `spin`;
//! - `spin`: alive after the bound and consuming CPU;
//! - `leak`: prints its declared output, then keeps the declared number of extra threads blocked;
//! - `compile-fail`: the compiler's JSON diagnostics contain the declared error code and message.
//!
//! Stuck processes are killed once judged.

pub mod proc;

use mdbook_listings::spec::{self, Behaviour, Listing};
pub use mdbook_listings::spec::{ALIVE_AFTER_MS, FINISH_WITHIN_S, WINDOW_MS};
use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex, OnceLock};
use std::thread;
use std::time::{Duration, Instant};

/// How long a deadlock/spin/leak check keeps looking for its evidence before it gives up (slow starts under load).
pub const EVIDENCE_WITHIN_S: u64 = 20;
/// A spinning program must use at least this share of one core over a window (CPU ticks per window of 20 ticks).
const SPIN_MIN_TICKS: u64 = 4;
/// A verdict seen in this many consecutive windows is final (a slow start does not look the same for a second).
const STABLE_WINDOWS: u32 = 5;
/// A program declared to block that has burnt this much CPU while being observed is busy, not starting up.
const BUSY_TICKS: u64 = 200;

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

/// Builds every listing once per test process, with one `cargo build` in the shared target dir. Compile-fail
/// listings are compiled too, with their `does-not-compile` feature, and `--keep-going` collects every error.
pub fn artifacts(root: &Path, listings: &[Listing]) -> &'static Artifacts {
    static CELL: OnceLock<Artifacts> = OnceLock::new();
    CELL.get_or_init(|| build(root, listings))
}

fn build(root: &Path, listings: &[Listing]) -> Artifacts {
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
    for l in listings {
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

/// Checks one listing against its declaration. `Ok` carries the evidence, `Err` a message that names the listing
/// and shows what it did.
pub fn check_listing(
    root: &Path,
    listings: &[Listing],
    listing: &Listing,
) -> Result<String, String> {
    let a = artifacts(root, listings);
    let name = &listing.package;
    let context = |e: String| format!("listing {} ({}): {e}", name, listing.manifest());
    if let Some(f) = &a.failure {
        return Err(context(f.clone()));
    }
    let errors = a.errors.get(name).map(Vec::as_slice).unwrap_or_default();
    if let Behaviour::CompileFail { .. } = listing.behaviour {
        return judge_compile(&listing.behaviour, a.executables.contains_key(name), errors)
            .map_err(context);
    }
    let Some(exe) = a.executables.get(name) else {
        let shown: String = errors.iter().map(|e| e.rendered.clone()).collect();
        return Err(context(format!("it did not compile:\n{shown}")));
    };
    let mut cmd = Command::new(exe);
    cmd.current_dir(&listing.dir);
    check_program(cmd, &listing.behaviour).map_err(context)
}

/// Judges a compile attempt against a `compile-fail` declaration.
pub fn judge_compile(
    b: &Behaviour,
    compiled: bool,
    errors: &[CompilerError],
) -> Result<String, String> {
    let Behaviour::CompileFail { error, message } = b else {
        return Err(format!("not a compile-fail declaration: {}", b.class()));
    };
    if compiled {
        return Err("it compiles, but it is declared compile-fail".into());
    }
    if errors.is_empty() {
        return Err(
            "it was not compiled (no binary and no compiler error): see the build output above"
                .into(),
        );
    }
    let want = error.as_deref();
    let hit = errors
        .iter()
        .find(|e| e.code.as_deref() == want && e.message.contains(message.as_str()));
    match hit {
        Some(e) => Ok(format!(
            "rejected: error{}: {}",
            want.map(|c| format!("[{c}]")).unwrap_or_default(),
            e.message
        )),
        None => {
            let got: Vec<String> = errors
                .iter()
                .map(|e| {
                    format!(
                        "error{}: {}",
                        e.code
                            .as_ref()
                            .map(|c| format!("[{c}]"))
                            .unwrap_or_default(),
                        e.message
                    )
                })
                .collect();
            Err(format!(
                "it fails to compile, but not as declared: expected error{} containing {message:?}, got:\n  {}",
                want.map(|c| format!("[{c}]")).unwrap_or_default(),
                got.join("\n  ")
            ))
        }
    }
}

/// Bytes read so far from one of a child's pipes.
type Captured = Arc<Mutex<Vec<u8>>>;

/// A running program whose output is collected as it comes (so a chatty program never blocks on a full pipe).
struct Running {
    child: Child,
    stdout: Captured,
    stderr: Captured,
    readers: Vec<thread::JoinHandle<()>>,
}

impl Running {
    fn start(mut cmd: Command) -> Result<Running, String> {
        cmd.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .env("RUST_BACKTRACE", "0")
            .env_remove("RUST_LIB_BACKTRACE");
        let mut child = cmd
            .spawn()
            .map_err(|e| format!("cannot start {:?}: {e}", cmd.get_program()))?;
        let stdout = Arc::new(Mutex::new(Vec::new()));
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let mut readers = Vec::new();
        let pipes: [(Box<dyn Read + Send>, &Captured); 2] = [
            (Box::new(child.stdout.take().unwrap()), &stdout),
            (Box::new(child.stderr.take().unwrap()), &stderr),
        ];
        for (mut pipe, buf) in pipes {
            let buf = Arc::clone(buf);
            readers.push(thread::spawn(move || {
                let mut chunk = [0u8; 8192];
                while let Ok(n) = pipe.read(&mut chunk) {
                    if n == 0 {
                        break;
                    }
                    buf.lock().unwrap().extend_from_slice(&chunk[..n]);
                }
            }));
        }
        Ok(Running {
            child,
            stdout,
            stderr,
            readers,
        })
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    fn exited(&mut self) -> Option<ExitStatus> {
        self.child.try_wait().ok().flatten()
    }

    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.stdout.lock().unwrap()).into_owned()
    }

    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr.lock().unwrap()).into_owned()
    }

    /// Waits up to `limit` for the program to exit; then collects all of its output.
    fn wait(mut self, limit: Duration) -> Result<Finished, String> {
        let start = Instant::now();
        let status = loop {
            if let Some(s) = self.exited() {
                break s;
            }
            if start.elapsed() > limit {
                let shown = self.show();
                self.kill();
                return Err(format!(
                    "still running after {} s; it was expected to finish.{shown}",
                    limit.as_secs()
                ));
            }
            thread::sleep(Duration::from_millis(5));
        };
        for r in self.readers.drain(..) {
            let _ = r.join();
        }
        Ok(Finished {
            status,
            stdout: self.stdout(),
            stderr: self.stderr(),
        })
    }

    fn show(&self) -> String {
        show_output(&self.stdout(), &self.stderr())
    }

    /// After the program has exited: waits until its pipes are drained, so its output is complete.
    fn drain(&mut self) {
        for r in self.readers.drain(..) {
            let _ = r.join();
        }
    }

    /// The message for a program that exited while it was expected to keep running, with all of its output.
    fn exited_early(&mut self, status: ExitStatus, when: &str) -> String {
        self.drain();
        format!(
            "it finished ({status}) {when}; it was expected to keep running.{}",
            self.show()
        )
    }

    fn kill(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        if self.exited().is_none() {
            self.kill();
        }
    }
}

struct Finished {
    status: ExitStatus,
    stdout: String,
    stderr: String,
}

impl Finished {
    fn show(&self) -> String {
        format!(
            "\n  exit status: {}{}",
            self.status,
            show_output(&self.stdout, &self.stderr)
        )
    }
}

fn show_output(stdout: &str, stderr: &str) -> String {
    let block = |name: &str, s: &str| {
        if s.is_empty() {
            format!("\n  {name}: (empty)")
        } else {
            format!(
                "\n  {name}:\n{}",
                s.lines()
                    .map(|l| format!("    | {l}\n"))
                    .collect::<String>()
                    .trim_end()
            )
        }
    };
    format!("{}{}", block("stdout", stdout), block("stderr", stderr))
}

fn same_text(a: &str, b: &str) -> bool {
    a.trim_end_matches('\n') == b.trim_end_matches('\n')
}

/// Runs a program and judges it against a declaration (every class but `compile-fail`).
pub fn check_program(cmd: Command, b: &Behaviour) -> Result<String, String> {
    let finish = Duration::from_secs(FINISH_WITHIN_S);
    match b {
        Behaviour::Output { stdout } => {
            let f = Running::start(cmd)?.wait(finish)?;
            if !f.status.success() {
                return Err(format!("it was expected to exit successfully.{}", f.show()));
            }
            if !same_text(&f.stdout, stdout) {
                return Err(format!(
                    "its output differs from the declared `stdout`.\n  expected:\n{}{}",
                    indent(stdout),
                    f.show()
                ));
            }
            Ok(format!(
                "printed the declared {} line(s)",
                stdout.lines().count()
            ))
        }
        Behaviour::Invariant { .. } => {
            let f = Running::start(cmd)?.wait(finish)?;
            if !f.status.success() {
                return Err(format!("it was expected to exit successfully.{}", f.show()));
            }
            judge_invariant(b, &f.stdout).map_err(|e| format!("{e}{}", f.show()))
        }
        Behaviour::Panic { panic, stdout } => {
            let f = Running::start(cmd)?.wait(finish)?;
            let messages = panic_messages(&f.stderr);
            if f.status.code() != Some(101) || messages.is_empty() {
                return Err(format!(
                    "it was expected to die of a panic (exit status 101).{}",
                    f.show()
                ));
            }
            // The panic that ended the process is the last one reported.
            if !messages.last().is_some_and(|m| same_text(m, panic)) {
                return Err(format!(
                    "it panicked, but not with the declared message {panic:?}; panic messages seen, last one \
                     fatal: {messages:?}{}",
                    f.show()
                ));
            }
            if let Some(out) = stdout
                && !same_text(&f.stdout, out)
            {
                return Err(format!(
                    "its output differs from the declared `stdout`.{}",
                    f.show()
                ));
            }
            Ok(format!("panicked with {panic:?}"))
        }
        Behaviour::Deadlock { stdout, .. } => {
            let mut r = Running::start(cmd)?;
            let evidence = wait_for_blocked(&mut r, None)?;
            if let Some(out) = stdout
                && !same_text(&r.stdout(), out)
            {
                return Err(format!(
                    "it blocks, but its output differs from the declared `stdout`.\n  expected:\n{}{}",
                    indent(out),
                    r.show()
                ));
            }
            Ok(evidence)
        }
        Behaviour::Spin { .. } => {
            let mut r = Running::start(cmd)?;
            wait_alive(&mut r)?;
            let deadline = Instant::now() + Duration::from_secs(EVIDENCE_WITHIN_S);
            let mut best = 0;
            let mut quiet = 0;
            while Instant::now() < deadline && quiet < STABLE_WINDOWS {
                let (a, b) = window(&mut r)?;
                let used = proc::cpu_delta(&a, &b);
                best = best.max(used);
                quiet = if used == 0 && b.iter().all(|t| t.is_blocked() || t.is_sleeping()) {
                    quiet + 1
                } else {
                    0
                };
                if used >= SPIN_MIN_TICKS {
                    return Ok(format!(
                        "busy: used {} ms of CPU in a {WINDOW_MS} ms window",
                        used * proc::TICK_MS
                    ));
                }
            }
            Err(format!(
                "it stays alive but does not spin: at most {} ms of CPU in any {WINDOW_MS} ms window \
                 (a blocked program is a `deadlock`).{}",
                best * proc::TICK_MS,
                r.show()
            ))
        }
        Behaviour::Leak {
            leaked_threads,
            stdout,
            ..
        } => {
            let mut r = Running::start(cmd)?;
            let deadline = Instant::now() + finish;
            loop {
                let out = r.stdout();
                if same_text(&out, stdout) {
                    break;
                }
                if !stdout.starts_with(out.trim_end_matches('\n')) {
                    return Err(format!(
                        "its output differs from the declared `stdout`.\n  expected:\n{}{}",
                        indent(stdout),
                        r.show()
                    ));
                }
                if let Some(s) = r.exited() {
                    r.drain();
                    let when = if same_text(&r.stdout(), stdout) {
                        "after printing its declared output (a leak listing keeps its leaked threads alive)"
                    } else {
                        "before printing all of its declared output"
                    };
                    return Err(r.exited_early(s, when));
                }
                if Instant::now() > deadline {
                    return Err(format!(
                        "its declared output did not appear within {FINISH_WITHIN_S} s.{}",
                        r.show()
                    ));
                }
                thread::sleep(Duration::from_millis(5));
            }
            wait_for_blocked(&mut r, Some(*leaked_threads))
        }
        Behaviour::CompileFail { .. } => {
            Err("a compile-fail listing is judged from its build, not run".into())
        }
    }
}

/// Judges stdout against an `invariant` declaration.
pub fn judge_invariant(b: &Behaviour, stdout: &str) -> Result<String, String> {
    let Behaviour::Invariant {
        invariant,
        unordered_lines,
        first_line,
        last_line,
        each_line_matches,
        contains_lines,
        line_count,
    } = b
    else {
        return Err(format!("not an invariant declaration: {}", b.class()));
    };
    let lines: Vec<&str> = stdout.lines().collect();
    let mut failed = Vec::new();
    if let Some(expected) = unordered_lines {
        let mut want: Vec<&str> = expected.lines().collect();
        let mut got = lines.clone();
        want.sort_unstable();
        got.sort_unstable();
        if want != got {
            failed.push(format!(
                "the lines, in any order, should be:\n{}",
                indent(expected)
            ));
        }
    }
    if let Some(f) = first_line
        && lines.first() != Some(&f.as_str())
    {
        failed.push(format!("the first line should be {f:?}"));
    }
    if let Some(l) = last_line
        && lines.last() != Some(&l.as_str())
    {
        failed.push(format!("the last line should be {l:?}"));
    }
    for c in contains_lines {
        if !lines.contains(&c.as_str()) {
            failed.push(format!("a line {c:?} should appear"));
        }
    }
    if let Some(n) = line_count
        && lines.len() != *n
    {
        failed.push(format!(
            "there should be exactly {n} lines, not {}",
            lines.len()
        ));
    }
    if let Some(re) = each_line_matches {
        let re = regex::Regex::new(&format!("^(?:{re})$"))
            .map_err(|e| format!("bad `each-line-matches`: {e}"))?;
        for l in &lines {
            if !re.is_match(l) {
                failed.push(format!("the line {l:?} does not match `{}`", re.as_str()));
                break;
            }
        }
    }
    if failed.is_empty() {
        Ok(format!("holds: {invariant}"))
    } else {
        Err(format!(
            "the declared invariant ({invariant}) does not hold: {}",
            failed.join("; ")
        ))
    }
}

/// The messages of every panic reported on stderr (the line after "panicked at …:", up to the "note:" line).
pub fn panic_messages(stderr: &str) -> Vec<String> {
    let lines: Vec<&str> = stderr.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].contains(" panicked at ") {
            let mut msg = Vec::new();
            i += 1;
            while i < lines.len()
                && !lines[i].starts_with("note: ")
                && !lines[i].contains(" panicked at ")
                && !lines[i].starts_with("stack backtrace:")
            {
                msg.push(lines[i]);
                i += 1;
            }
            out.push(msg.join("\n"));
        } else {
            i += 1;
        }
    }
    out
}

fn indent(s: &str) -> String {
    s.trim_end_matches('\n')
        .lines()
        .map(|l| format!("    | {l}\n"))
        .collect::<String>()
        .trim_end()
        .to_string()
}

/// Waits [`ALIVE_AFTER_MS`]; the program must still be running.
fn wait_alive(r: &mut Running) -> Result<(), String> {
    thread::sleep(Duration::from_millis(ALIVE_AFTER_MS));
    match r.exited() {
        Some(s) => Err(r.exited_early(s, &format!("within {ALIVE_AFTER_MS} ms"))),
        None => Ok(()),
    }
}

/// Two samples of the process's threads, [`WINDOW_MS`] apart.
fn window(r: &mut Running) -> Result<(Vec<proc::ThreadSample>, Vec<proc::ThreadSample>), String> {
    let gone = |r: &mut Running| match r.exited() {
        Some(s) => r.exited_early(s, "while being observed"),
        None => "its /proc entry vanished while it was being observed".to_string(),
    };
    let a = proc::sample(r.pid()).ok_or_else(|| gone(r))?;
    thread::sleep(Duration::from_millis(WINDOW_MS));
    let b = proc::sample(r.pid()).ok_or_else(|| gone(r))?;
    if r.exited().is_some() {
        return Err(gone(r));
    }
    Ok((a, b))
}

/// Deadlock evidence (`extra` = None: every thread) or leak evidence (`extra` = Some(n): at least n threads besides
/// main): the threads in question are blocked, not sleeping, and use no CPU over a window.
fn wait_for_blocked(r: &mut Running, extra: Option<u32>) -> Result<String, String> {
    wait_alive(r)?;
    let pid = r.pid();
    let deadline = Instant::now() + Duration::from_secs(EVIDENCE_WITHIN_S);
    let mut last = String::new();
    let mut repeated = 0;
    let mut busy_total = 0;
    while Instant::now() < deadline && repeated < STABLE_WINDOWS && busy_total < BUSY_TICKS {
        let (a, b) = window(r)?;
        let watched = |s: &[proc::ThreadSample]| -> Vec<proc::ThreadSample> {
            s.iter()
                .filter(|t| extra.is_none() || t.tid != pid)
                .cloned()
                .collect()
        };
        let (wa, wb) = (watched(&a), watched(&b));
        let used = proc::cpu_delta(&wa, &wb);
        busy_total += used;
        let sleeping: Vec<_> = wb.iter().filter(|t| t.is_sleeping()).collect();
        let all_blocked = wb.iter().all(|t| t.is_blocked());
        let enough = extra.is_none_or(|n| wb.len() >= n as usize);
        if used == 0 && all_blocked && enough && !wb.is_empty() {
            let what = match extra {
                None => format!("{} thread(s)", wb.len()),
                Some(_) => format!("{} thread(s) besides main", wb.len()),
            };
            return Ok(format!(
                "blocked: {what} parked, 0 ms of CPU over {WINDOW_MS} ms:{}",
                proc::describe(&wb)
            ));
        }
        let verdict = if !enough {
            format!(
                "only {} thread(s) besides main are left, {} were declared leaked:{}",
                wb.len(),
                extra.unwrap_or(0),
                proc::describe(&b)
            )
        } else if !sleeping.is_empty() && used == 0 {
            format!(
                "it is merely sleeping, not blocked (a timed sleep is slow, not stuck):{}",
                proc::describe(&wb)
            )
        } else {
            format!(
                "it is not blocked: it used {} ms of CPU in a {WINDOW_MS} ms window (a busy loop is a `spin`):{}",
                used * proc::TICK_MS,
                proc::describe(&wb)
            )
        };
        // Compare verdicts without the per-window numbers and thread states.
        let kind = verdict.split(':').next().unwrap_or_default().to_string();
        repeated = if last.split(':').next() == Some(kind.as_str()) && used == 0 {
            repeated + 1
        } else {
            0
        };
        last = verdict;
    }
    Err(format!("no evidence of being blocked: {last}{}", r.show()))
}
