//! Rewrites a chapter so each listing carries its caption, the fence attributes its behaviour implies, and the
//! verified-behaviour label, all generated from the listing's declaration.

use crate::book::{listing_of, normalize};
use crate::markdown;
use crate::spec::{self, Behaviour, Lang, Limits, Listing};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The command a reader types to run (or, for compile-fail, to compile) the listing.
pub fn run_command(l: &Listing) -> String {
    if l.lang == Lang::Go {
        let dir = format!("listings/{}", l.rel);
        return match l.behaviour {
            Behaviour::CompileFail { .. } => format!("cd {dir} && go build ."),
            Behaviour::Vet { .. } => format!("cd {dir} && go vet ."),
            Behaviour::Race { .. } => format!("cd {dir} && go run -race ."),
            _ => format!("cd {dir} && go run ."),
        };
    }
    match l.behaviour {
        Behaviour::CompileFail { .. } => {
            format!(
                "cargo build -p {} --features {}",
                l.package,
                spec::COMPILE_FAIL_FEATURE
            )
        }
        _ => format!("cargo run -p {}", l.package),
    }
}

/// Escapes `<`, `>` and `&` outside backtick code spans, so a caption like "a Mutex<Vec<T>> pool" is text, not HTML.
pub fn escape_prose(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_code = false;
    for c in s.chars() {
        match c {
            '`' => {
                in_code = !in_code;
                out.push(c);
            }
            '<' if !in_code => out.push_str("&lt;"),
            '>' if !in_code => out.push_str("&gt;"),
            '&' if !in_code => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

/// The caption shown above a listing.
pub fn caption(l: &Listing) -> String {
    format!(
        "<div class=\"listing-caption\" id=\"listing-{pkg}\">\n\n\
         <a class=\"listing-name\" href=\"#listing-{pkg}\">Listing {pkg}</a> · {desc} · \
         <code class=\"listing-run\">{cmd}</code>\n\n</div>\n",
        pkg = l.package,
        desc = escape_prose(l.description.trim()),
        cmd = run_command(l),
    )
}

fn text_block(text: &str) -> String {
    let longest = text
        .lines()
        .map(|l| l.chars().take_while(|&c| c == '`').count())
        .max()
        .unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}text\n{}\n{fence}\n", text.trim_end_matches('\n'))
}

/// The author's prose as a sentence: trimmed, starting with a capital letter, ending with a full stop.
fn sentence(s: &str) -> String {
    let s = s.trim();
    let mut chars = s.chars();
    let s = match chars.next() {
        Some(c) if c.is_lowercase() => c.to_uppercase().chain(chars).collect(),
        _ => s.to_string(),
    };
    if s.ends_with(['.', '!', '?', ':']) {
        s
    } else {
        format!("{s}.")
    }
}

fn badge(class: &str, text: &str) -> String {
    format!("<span class=\"behaviour-badge\" data-behaviour=\"{class}\">{text}</span>")
}

/// What the book shows for one listing: the attributes added to its fence and the label under it. Each class has
/// one function below that yields both; the label's numbers are [`spec::LIMITS`], the ones the harness judges
/// with, and it states only what the harness's judge of that class checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shown {
    /// Fence attributes (rustdoc semantics, honoured by skeptic after the book tests map `compile_fail`).
    pub attrs: Vec<String>,
    /// The badge text: the class in words, without a tick (a tick next to "Deadlocks" would read as "passes").
    pub mark: &'static str,
    /// The label's markdown body.
    pub body: String,
}

/// The fence attributes and label of a listing.
pub fn shown(l: &Listing) -> Shown {
    let limits = &spec::LIMITS;
    let go = l.lang == Lang::Go;
    let mut s = match &l.behaviour {
        Behaviour::Output {
            stdout,
            stderr,
            panics,
        } => output_shown(limits, stdout, panics, stderr.as_deref()),
        b @ Behaviour::Invariant { .. } => invariant_shown(limits, b),
        Behaviour::Panic {
            panic,
            stdout,
            panics,
            stderr,
        } => panic_shown(
            limits,
            go,
            panic,
            stdout.as_deref(),
            panics,
            stderr.as_deref(),
        ),
        Behaviour::Fatal { fatal, stdout } => fatal_shown(limits, fatal, stdout.as_deref()),
        Behaviour::Deadlock {
            blocked,
            stdout,
            goroutines,
        } => deadlock_shown(limits, blocked, stdout.as_deref(), goroutines.as_deref()),
        Behaviour::Spin { spinning } => spin_shown(limits, go, spinning),
        Behaviour::Leak {
            leaked,
            leaked_threads,
            stdout,
            goroutines,
        } => leak_shown(
            limits,
            leaked,
            *leaked_threads,
            stdout,
            goroutines.as_deref(),
        ),
        Behaviour::Race {
            race,
            accesses,
            stdout,
        } => race_shown(limits, race, accesses, stdout.as_deref()),
        Behaviour::Vet { check, message } => vet_shown(check, message),
        b @ Behaviour::CompileFail { message, line, .. } => {
            compile_fail_shown(go, &b.error_codes(), message, *line)
        }
        Behaviour::Outcomes { usually, outcomes } => outcomes_shown(limits, usually, outcomes),
        b @ Behaviour::Shutdown { .. } => shutdown_shown(limits, b),
    };
    if go {
        // Go blocks are not compiled by the snippet tests; their attributes would mean nothing.
        s.attrs.clear();
    }
    s
}

/// "each of the 3 runs": how often a finishing listing is run, and the time bound of each run.
fn runs(limits: &Limits) -> String {
    format!(
        "in each of {} runs (each within {} s)",
        limits.runs,
        limits.finish_within_ms as f64 / 1000.0
    )
}

/// What the judge requires of stderr: nothing, or only the reports of the declared caught panics, plus the
/// declared text.
fn stderr_clause(stderr: Option<&str>, panics: &[String]) -> String {
    let reports = match panics.len() {
        0 => String::new(),
        1 => format!(
            "the report of the panic it catches (message `{}`)",
            panics[0]
        ),
        n => format!(
            "the reports of the {n} panics it catches (messages {})",
            panics
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    match (stderr.is_some(), reports.is_empty()) {
        (false, true) => "nothing on stderr".into(),
        (false, false) => format!("nothing on stderr but {reports}"),
        (true, true) => "exactly the stderr shown".into(),
        (true, false) => format!("on stderr {reports} and the text shown"),
    }
}

fn stderr_block(stderr: Option<&str>) -> String {
    stderr.map_or_else(String::new, |e| {
        format!("\nOn stderr:\n\n{}", text_block(e))
    })
}

fn output_shown(limits: &Limits, stdout: &str, panics: &[String], stderr: Option<&str>) -> Shown {
    Shown {
        attrs: vec![],
        mark: "Prints",
        body: format!(
            "Verified {}: exit status 0, exactly this output (one final newline aside), {}.\n\n{}{}",
            runs(limits),
            stderr_clause(stderr, panics),
            text_block(stdout),
            stderr_block(stderr)
        ),
    }
}

fn invariant_shown(limits: &Limits, b: &Behaviour) -> Shown {
    let Behaviour::Invariant {
        invariant,
        unordered_lines,
        first_line,
        last_line,
        each_line_matches,
        contains_lines,
        line_count,
        panics,
        stderr,
    } = b
    else {
        unreachable!("invariant_shown is called for invariant declarations")
    };
    let mut checks = Vec::new();
    if let Some(n) = line_count {
        checks.push(format!("exactly {n} lines"));
    }
    if let Some(f) = first_line {
        checks.push(format!("first line `{f}`"));
    }
    if let Some(f) = last_line {
        checks.push(format!("last line `{f}`"));
    }
    for c in contains_lines {
        checks.push(format!("contains the line `{c}`"));
    }
    if let Some(re) = each_line_matches {
        checks.push(format!("every line matches the pattern `{re}`"));
    }
    if unordered_lines.is_some() {
        checks.push("these lines, in any order".into());
    }
    let mut body = format!(
        "The output changes from run to run. Verified property: {}\n\nChecked {}: exit status 0, {}; {}.\n\n",
        escape_prose(&sentence(invariant)),
        runs(limits),
        stderr_clause(stderr.as_deref(), panics),
        checks.join("; ")
    );
    if let Some(lines) = unordered_lines {
        body += &text_block(lines);
    }
    body += &stderr_block(stderr.as_deref());
    Shown {
        attrs: vec![],
        mark: "Prints, order varies",
        body,
    }
}

fn printed_first(stdout: Option<&str>) -> String {
    stdout.map_or_else(String::new, |out| {
        format!("It prints\n\n{}\nand then:\n\n", text_block(out))
    })
}

fn panic_shown(
    limits: &Limits,
    go: bool,
    panic: &str,
    stdout: Option<&str>,
    panics: &[String],
    stderr: Option<&str>,
) -> Shown {
    let how = if go {
        "the Go runtime reports `panic: ` with this value, and the process exits with status 2"
    } else {
        "the process dies of a panic with this message (exit status 101)"
    };
    let out = if stdout.is_some() {
        "this stdout"
    } else {
        "nothing on stdout"
    };
    let rest = if go {
        String::new()
    } else {
        let others = if panics.is_empty() {
            "no other panic".to_string()
        } else {
            format!(
                "before it, the panics {} in other threads",
                panics
                    .iter()
                    .map(|p| format!("`{p}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        format!(
            "; {others}; {} besides the panic reports",
            match stderr {
                None => "nothing on stderr",
                Some(_) => "exactly the stderr shown",
            }
        )
    };
    Shown {
        attrs: vec!["should_panic".into()],
        mark: "Panics",
        body: format!(
            "{}Verified {}: {how}; {out}{rest}.\n\n{}{}",
            printed_first(stdout),
            runs(limits),
            text_block(panic),
            stderr_block(stderr)
        ),
    }
}

fn fatal_shown(limits: &Limits, fatal: &str, stdout: Option<&str>) -> Shown {
    Shown {
        attrs: vec![],
        mark: "Fatal error",
        body: format!(
            "{}Verified {}: the Go runtime stops the program with this fatal error (exit status 2).\n\n{}",
            printed_first(stdout),
            runs(limits),
            text_block(&format!("fatal error: {}", fatal.trim()))
        ),
    }
}

const STUCK_ATTRS: [&str; 2] = ["no_run", "noplayground"];

fn stuck_attrs() -> Vec<String> {
    STUCK_ATTRS.iter().map(|s| s.to_string()).collect()
}

/// "alive after 300 ms, then over 5 consecutive 400 ms windows".
fn observed(limits: &Limits) -> String {
    format!(
        "alive after {} ms, then over {} consecutive {} ms windows",
        limits.alive_after_ms, limits.windows, limits.window_ms
    )
}

fn goroutine_block(goroutines: &[String]) -> String {
    text_block(&goroutines.join("\n"))
}

fn deadlock_shown(
    limits: &Limits,
    blocked: &str,
    stdout: Option<&str>,
    goroutines: Option<&[String]>,
) -> Shown {
    let mut body = match goroutines {
        None => format!(
            "Verified: {}, every thread waits in an untimed `futex` (lock, channel, join, condvar), an untimed \
             `epoll_wait`, or a blocking socket read with no timeout whose sender can only be the program itself, \
             with no CPU used and no context switch. {}\n",
            observed(limits),
            escape_prose(&sentence(blocked))
        ),
        Some(g) => format!(
            "Verified: {} it stays alive; then the Go runtime's goroutine dump (SIGQUIT) shows exactly these \
             goroutines blocked, besides the runtime's own. {}\n\n{}",
            observed(limits),
            escape_prose(&sentence(blocked)),
            goroutine_block(g)
        ),
    };
    if let Some(out) = stdout {
        body += "\nBefore it blocks, it prints exactly:\n\n";
        body += &text_block(out);
    }
    Shown {
        attrs: stuck_attrs(),
        mark: "Deadlocks",
        body,
    }
}

fn spin_shown(limits: &Limits, go: bool, spinning: &str) -> Shown {
    let dump = if go {
        "; the goroutine dump then shows a running or runnable goroutine in `main.go`"
    } else {
        ""
    };
    Shown {
        attrs: stuck_attrs(),
        mark: "Busy-spins",
        body: format!(
            "Verified: {}, its CPU time grows in each and a thread is running or waiting for a CPU (in no system \
             call) at every look; {} ms later, still so{dump}. {}\n",
            observed(limits),
            limits.spin_recheck_ms,
            escape_prose(&sentence(spinning))
        ),
    }
}

fn leak_shown(
    limits: &Limits,
    leaked: &str,
    leaked_threads: Option<u32>,
    stdout: &str,
    goroutines: Option<&[String]>,
) -> Shown {
    let body = match (goroutines, leaked_threads) {
        (Some(g), _) => format!(
            "Verified: it prints the output below within {} s and stays alive ({} consecutive {} ms windows); \
             then the Go runtime's goroutine dump (SIGQUIT) shows exactly these goroutines blocked, besides the \
             runtime's own. {}\n\n{}\n{}",
            limits.finish_within_ms / 1000,
            limits.windows,
            limits.window_ms,
            escape_prose(&sentence(leaked)),
            text_block(stdout),
            goroutine_block(g)
        ),
        (None, n) => {
            let n = n.unwrap_or(0);
            let threads = if n == 1 {
                "1 thread".to_string()
            } else {
                format!("{n} threads")
            };
            format!(
                "Verified: it prints the output below within {} s; then over {} consecutive {} ms windows exactly \
                 {threads} besides `main`, and `main` too, wait in an untimed `futex`, `epoll_wait` or own-socket \
                 read, with no CPU used and no context switch. {}\n\n{}",
                limits.finish_within_ms / 1000,
                limits.windows,
                limits.window_ms,
                escape_prose(&sentence(leaked)),
                text_block(stdout)
            )
        }
    };
    Shown {
        attrs: stuck_attrs(),
        mark: "Leaks",
        body,
    }
}

fn race_shown(limits: &Limits, race: &str, accesses: &[String], stdout: Option<&str>) -> Shown {
    Shown {
        attrs: vec![],
        mark: "Data race",
        body: format!(
            "Verified {} of the `-race` build: the race detector reports a data race between `{}` and `{}`, and \
             the process exits with status 66. {}\n{}",
            runs(limits),
            accesses.first().map_or("", String::as_str),
            accesses.get(1).map_or("", String::as_str),
            escape_prose(&sentence(race)),
            stdout.map_or_else(String::new, |o| format!(
                "\nIts output:\n\n{}",
                text_block(o)
            ))
        ),
    }
}

fn vet_shown(check: &str, message: &str) -> Shown {
    Shown {
        attrs: vec![],
        mark: "Rejected by vet",
        body: format!(
            "Verified: `go vet` reports a `{check}` finding, and no other analyzer reports anything; the finding \
             says:\n\n{}",
            text_block(message)
        ),
    }
}

fn compile_fail_shown(go: bool, codes: &[String], message: &str, line: Option<u32>) -> Shown {
    let body = if go {
        let at = line.map_or_else(String::new, |n| format!(" at line {n} of `main.go`"));
        format!(
            "Verified: `go build` rejects it{at} with an error containing:\n\n{}",
            text_block(message.trim())
        )
    } else {
        let head = match codes.first() {
            Some(code) => format!("error[{code}]"),
            None => "error".to_string(),
        };
        let which = if codes.len() > 1 {
            format!(
                "the errors {} and no other; the first one says",
                codes
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        } else {
            "this error and no other".to_string()
        };
        format!(
            "Verified: the compiler rejects it with {which}:\n\n{}",
            text_block(&format!("{head}: {}", message.trim()))
        )
    };
    let mut attrs = vec!["compile_fail".to_string()];
    attrs.extend(codes.iter().cloned());
    Shown {
        attrs,
        mark: "Does not compile",
        body,
    }
}

fn outcomes_shown(limits: &Limits, usually: &str, outcomes: &[Behaviour]) -> Shown {
    let mut body = format!(
        "The result depends on scheduling. Usually: {}\n\nVerified over {} runs (each within {} s): every run \
         ends in one of these ways, and the first one was seen at least once.\n\n",
        escape_prose(&sentence(usually)),
        limits.outcome_runs,
        limits.finish_within_ms / 1000
    );
    for (i, o) in outcomes.iter().enumerate() {
        let what = match o {
            Behaviour::Output { stdout, .. } => format!("prints:\n\n{}", text_block(stdout)),
            Behaviour::Invariant { invariant, .. } => {
                format!(
                    "prints output where {}.",
                    invariant.trim().trim_end_matches('.')
                )
            }
            Behaviour::Panic { panic, .. } => format!("panics:\n\n{}", text_block(panic)),
            Behaviour::Fatal { fatal, .. } => {
                format!(
                    "stops with:\n\n{}",
                    text_block(&format!("fatal error: {fatal}"))
                )
            }
            Behaviour::Race { accesses, .. } => {
                format!("reports a data race between `{}`", accesses.join("` and `"))
            }
            other => other.class().to_string(),
        };
        let first = if i == 0 { " (usual)" } else { "" };
        body += &format!("{}.{first} It {what}\n\n", i + 1);
    }
    Shown {
        attrs: vec![],
        mark: "Outcome varies",
        body,
    }
}

/// `shutdown`: the signal, when it is sent, how the program must end and how soon, its output split at the
/// trigger line. Not run by the snippet tests nor on the Playground (neither sends a signal): the listing harness
/// runs it and sends the real signal.
fn shutdown_shown(limits: &Limits, b: &Behaviour) -> Shown {
    let Behaviour::Shutdown {
        trigger,
        signal,
        stdout,
        within_ms,
        stderr,
        ..
    } = b
    else {
        unreachable!("shutdown_shown is called for shutdown declarations")
    };
    let end = b.shutdown_end().unwrap_or(spec::ShutdownEnd::Exit(0));
    let (mark, how) = match end {
        spec::ShutdownEnd::Exit(0) => (
            "Shuts down cleanly",
            format!("it exits with status 0 within {within_ms} ms of the signal"),
        ),
        spec::ShutdownEnd::Exit(code) => (
            "Forced exit",
            format!("it exits with status {code} within {within_ms} ms of the signal"),
        ),
        spec::ShutdownEnd::KilledBySignal => (
            "Killed by the signal",
            format!(
                "it is then ended by `{signal}` itself (the signal's default action) within {within_ms} ms"
            ),
        ),
        spec::ShutdownEnd::Sigkill => (
            "Does not exit",
            format!(
                "it is still running {within_ms} ms after the signal, so the test kills it with SIGKILL"
            ),
        ),
    };
    // The declared stdout, split after the first trigger line (validated to be one of its lines).
    let mut before = String::new();
    let mut after = String::new();
    let mut seen = false;
    for line in stdout.lines() {
        let part = if seen { &mut after } else { &mut before };
        part.push_str(line);
        part.push('\n');
        seen |= line == trigger;
    }
    let after = if after.is_empty() {
        "Nothing more is printed after the signal.\n".to_string()
    } else {
        format!("After the signal:\n\n{}", text_block(&after))
    };
    // A program declared to end is also run once without the signal: the signal must be what ends it.
    let control = match end {
        spec::ShutdownEnd::Sigkill => String::new(),
        _ => format!(
            " One more run, sent no signal, must still be running {} ms after the trigger line plus as long as \
             the slowest signalled run took to end, so the signal, not a timer of its own, is what ends it.",
            limits.signal_control_ms
        ),
    };
    let stderr_words = if stderr.is_some() {
        "exactly the stderr shown"
    } else {
        "nothing on stderr"
    };
    Shown {
        attrs: stuck_attrs(),
        mark,
        body: format!(
            "Verified in each of {runs} runs: once it has printed the line `{trigger}` (and nothing after it for \
             {quiet} ms), the test sends `{signal}` to the process; {how}, with exactly this output (one final \
             newline aside) and {stderr_words}.{control}\n\nBefore the signal:\n\n{}\n{after}{}",
            text_block(&before),
            stderr_block(stderr.as_deref()),
            runs = limits.runs,
            quiet = limits.signal_quiet_ms,
        ),
    }
}

/// The verified-behaviour label shown under a listing.
pub fn label(l: &Listing) -> String {
    let class = l.behaviour.class();
    let s = shown(l);
    format!(
        "<div class=\"listing-behaviour behaviour-{class}\">\n\n{} {}{}\n</div>\n",
        badge(class, s.mark),
        s.body,
        // Its loom models, if it declares any (model.rs).
        crate::model::label(&l.dir),
    )
}

/// The fence attribute (a class of the rendered `<code>`) that names the Rust listing a block shows.
pub fn listing_class(l: &Listing) -> String {
    format!("listing-{}", l.package)
}

/// The fence attribute of a block that shows only its part of a listing whose whole text is in an earlier block of
/// the same page (the one with the same [`listing_class`] and without this one): the copy button takes the whole
/// program from there (theme/src/reader.js). Such a block is also `noplayground`: Run is on the first block.
pub const EXCERPT_CLASS: &str = "listing-excerpt";

/// Rewrites one chapter. `file` is the chapter's absolute path (includes are relative to its directory).
///
/// A Rust listing's first block on the page includes the whole program (`rustdoc_include`: the lines outside its
/// anchor are hidden lines, shown by the eye button, copied, run and printed). A later block of the same listing
/// includes only its anchor (`include`), so the page carries the program's text once, however often it shows parts
/// of it.
pub fn render_chapter(file: &Path, text: &str, listings: &BTreeMap<PathBuf, &Listing>) -> String {
    let dir = file.parent().unwrap_or(Path::new("."));
    let fences = markdown::fences(text);
    let includes = markdown::includes(text);
    // For each fence that shows a listing's main file: the listing, and the include that shows it.
    let mut shows: Vec<(usize, &Listing)> = Vec::new();
    let mut shown_by: BTreeMap<usize, &markdown::Include> = BTreeMap::new();
    for (fi, f) in fences.iter().enumerate() {
        // A fence in the listing's language that includes its main file (src/main.rs or main.go).
        let listing = includes
            .iter()
            .filter(|i| f.contains(i.line))
            .find_map(|i| {
                let target = normalize(&dir.join(&i.path));
                let l = listing_of(&target, listings)?;
                let lang = f.attrs().first().cloned().unwrap_or_default();
                (target.ends_with(l.lang.main_file()) && lang == l.lang.fence_lang())
                    .then_some((l, i))
            });
        if let Some((l, i)) = listing {
            shows.push((fi, l));
            shown_by.insert(fi, i);
        }
    }
    let first_of = |fi: usize, l: &Listing| {
        shows.iter().find(|(_, x)| x.rel == l.rel).map(|s| s.0) == Some(fi)
    };
    let last_of = |fi: usize, l: &Listing| {
        shows
            .iter()
            .rev()
            .find(|(_, x)| x.rel == l.rel)
            .map(|s| s.0)
            == Some(fi)
    };
    let mut opens: BTreeMap<usize, (usize, &Listing)> = BTreeMap::new();
    let mut closes: BTreeMap<usize, (usize, &Listing)> = BTreeMap::new();
    for &(fi, l) in &shows {
        let f = &fences[fi];
        opens.insert(f.open, (fi, l));
        if let Some(c) = f.close {
            closes.insert(c, (fi, l));
        }
    }
    // The directives of later blocks of a Rust listing, which include only their part of it: line → (the directive
    // as written, as rewritten).
    let mut excerpts: BTreeMap<usize, (String, String)> = BTreeMap::new();
    for &(fi, l) in &shows {
        let inc = shown_by[&fi];
        if l.lang == Lang::Rust && !first_of(fi, l) && inc.kind == "rustdoc_include" {
            let written = text[inc.range.clone()].to_string();
            let plain = written.replacen("rustdoc_include", "include", 1);
            excerpts.insert(inc.line, (written, plain));
        }
    }
    let mut out = String::with_capacity(text.len() + 1024);
    for (i, line) in text.lines().enumerate() {
        if let Some(&(fi, l)) = opens.get(&i) {
            let f = &fences[fi];
            if first_of(fi, l) {
                out += &caption(l);
                out += "\n";
            }
            let mut attrs = f.attrs();
            for a in shown(l).attrs {
                if !attrs.contains(&a) {
                    attrs.push(a);
                }
            }
            if l.lang == Lang::Rust {
                attrs.push(listing_class(l));
                if excerpts.contains_key(&shown_by[&fi].line) {
                    attrs.push(EXCERPT_CLASS.to_string());
                    // Not a program by itself: without this, mdBook would wrap it in a `fn main` of its own as
                    // hidden lines, which the eye button would show as if they were the listing's. Run is on the
                    // first block, which holds the program.
                    if !attrs.iter().any(|a| a == "noplayground") {
                        attrs.push("noplayground".to_string());
                    }
                }
            }
            out += &format!("{}{}{}\n", f.indent, f.marker, attrs.join(","));
            continue;
        }
        match excerpts.get(&i) {
            Some((written, plain)) => out += &line.replacen(written.as_str(), plain, 1),
            None => out += line,
        }
        out += "\n";
        if let Some(&(fi, l)) = closes.get(&i)
            && last_of(fi, l)
        {
            out += "\n";
            out += &label(l);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listing(lang: Lang, decl: &str) -> Listing {
        Listing {
            dir: PathBuf::from("/book/listings/j01/x"),
            rel: "j01/x".into(),
            package: "j01-x".into(),
            lang,
            description: "d".into(),
            behaviour: toml::from_str(decl).unwrap(),
        }
    }

    const DECLS: &[(Lang, &str)] = &[
        (Lang::Rust, "behaviour = 'output'\nstdout = 'a'"),
        (
            Lang::Rust,
            "behaviour = 'output'\nstdout = 'a'\npanics = ['boom']",
        ),
        (
            Lang::Rust,
            "behaviour = 'invariant'\ninvariant = 'x'\nline-count = 1",
        ),
        (Lang::Rust, "behaviour = 'panic'\npanic = 'boom'"),
        (Lang::Rust, "behaviour = 'deadlock'\nblocked = 'main waits'"),
        (Lang::Rust, "behaviour = 'spin'\nspinning = 'a loop'"),
        (
            Lang::Rust,
            "behaviour = 'leak'\nleaked = 'x'\nleaked-threads = 2\nstdout = 'done'",
        ),
        (
            Lang::Rust,
            "behaviour = 'compile-fail'\nerrors = ['E0373', 'E0502']\nmessage = 'closure'",
        ),
        (Lang::Go, "behaviour = 'panic'\npanic = 'boom'"),
        (
            Lang::Go,
            "behaviour = 'fatal'\nfatal = 'all goroutines are asleep - deadlock!'",
        ),
        (
            Lang::Go,
            "behaviour = 'deadlock'\nblocked = 'x'\ngoroutines = ['main.go:3 chan send']",
        ),
        (
            Lang::Go,
            "behaviour = 'leak'\nblocked = 'x'\nstdout = 'done'\ngoroutines = ['main.go:3 chan send']",
        ),
        (Lang::Go, "behaviour = 'spin'\nspinning = 'x'"),
        (
            Lang::Go,
            "behaviour = 'race'\nrace = 'x'\naccesses = ['main.go:3', 'main.go:4']",
        ),
        (
            Lang::Go,
            "behaviour = 'vet'\ncheck = 'copylocks'\nmessage = 'passes lock by value'",
        ),
        (
            Lang::Go,
            "behaviour = 'compile-fail'\nmessage = 'declared and not used'\nline = 4",
        ),
        (
            Lang::Rust,
            "behaviour = 'shutdown'\ntrigger = 'ready'\nsignal = 'SIGTERM'\nwithin-ms = 2000\nstdout = '''ready\ndone\n'''",
        ),
        (
            Lang::Go,
            "behaviour = 'shutdown'\ntrigger = 'ready'\nsignal = 'SIGINT'\nwithin-ms = 2000\nkilled-by = 'SIGKILL'\nstdout = 'ready'",
        ),
        (
            Lang::Go,
            "behaviour = 'outcomes'\nusually = 'x'\n[[outcomes]]\nbehaviour = 'output'\nstdout = 'a'\n[[outcomes]]\nbehaviour = 'fatal'\nfatal = 'b'",
        ),
    ];

    #[test]
    fn labels_say_verified_in_words_with_a_class_per_kind() {
        for (lang, decl) in DECLS {
            let l = listing(*lang, decl);
            let html = label(&l);
            let class = l.behaviour.class();
            assert!(
                html.starts_with(&format!(
                    "<div class=\"listing-behaviour behaviour-{class}\">"
                )),
                "{html}"
            );
            assert!(
                !html.contains('✔') && !html.contains('✘'),
                "no tick next to a failure word: {html}"
            );
            let s = shown(&l);
            assert!(s.body.contains("Verified"), "{decl}: {}", s.body);
            let first = s.body.chars().next().unwrap();
            assert!(
                first.is_uppercase(),
                "{decl}: the sentence starts with a capital: {}",
                s.body
            );
        }
    }

    #[test]
    fn labels_quote_the_limits_the_harness_uses() {
        let l = listing(Lang::Rust, "behaviour = 'deadlock'\nblocked = 'main waits'");
        let body = shown(&l).body;
        let want = format!(
            "alive after {} ms, then over {} consecutive {} ms windows",
            spec::LIMITS.alive_after_ms,
            spec::LIMITS.windows,
            spec::LIMITS.window_ms
        );
        assert!(body.contains(&want), "{body}");
        assert!(body.contains("untimed `futex`"), "{body}");
        assert_eq!(shown(&l).attrs, ["no_run", "noplayground"]);
        let out = listing(Lang::Rust, "behaviour = 'output'\nstdout = 'a'");
        assert!(
            shown(&out)
                .body
                .contains(&format!("in each of {} runs", spec::LIMITS.runs))
        );
    }

    #[test]
    fn a_page_carries_a_listings_text_once() {
        let mut l = listing(Lang::Rust, "behaviour = 'output'\nstdout = 'a'");
        l.dir = PathBuf::from("/book/listings/j01/x");
        let mut stuck = listing(Lang::Rust, "behaviour = 'deadlock'\nblocked = 'main waits'");
        stuck.dir = PathBuf::from("/book/listings/j01/y");
        stuck.package = "j01-y".into();
        stuck.rel = "j01/y".into();
        let listings: BTreeMap<PathBuf, &Listing> =
            [(l.dir.clone(), &l), (stuck.dir.clone(), &stuck)].into();
        let md = "# J01 · T\n\n```rust\n{{#rustdoc_include ../../listings/j01/x/src/main.rs:a}}\n```\n\n\
                  ```rust\n{{#rustdoc_include ../../listings/j01/x/src/main.rs:b}}\n```\n\n\
                  ```rust\n{{#rustdoc_include ../../listings/j01/y/src/main.rs}}\n```\n\n\
                  ```rust\n{{#rustdoc_include ../../listings/j01/y/src/main.rs:c}}\n```\n";
        let out = render_chapter(Path::new("/book/src/junior/j01.md"), md, &listings);
        let fences: Vec<&str> = out.lines().filter(|l| l.starts_with("```rust")).collect();
        assert_eq!(
            fences,
            [
                "```rust,listing-j01-x",
                "```rust,listing-j01-x,listing-excerpt,noplayground",
                "```rust,no_run,noplayground,listing-j01-y",
                "```rust,no_run,noplayground,listing-j01-y,listing-excerpt",
            ]
        );
        let includes: Vec<&str> = out.lines().filter(|l| l.starts_with("{{#")).collect();
        assert_eq!(
            includes,
            [
                "{{#rustdoc_include ../../listings/j01/x/src/main.rs:a}}",
                "{{#include ../../listings/j01/x/src/main.rs:b}}",
                "{{#rustdoc_include ../../listings/j01/y/src/main.rs}}",
                "{{#include ../../listings/j01/y/src/main.rs:c}}",
            ]
        );
        // One caption and one label per listing: before its first block, after its last.
        assert_eq!(out.matches("id=\"listing-j01-x\"").count(), 1);
        assert_eq!(
            out.matches("listing-behaviour behaviour-deadlock").count(),
            1
        );
    }

    #[test]
    fn prose_is_escaped_outside_code_only() {
        assert_eq!(
            escape_prose("a Mutex<Vec<T>> & `Vec<T>`"),
            "a Mutex&lt;Vec&lt;T&gt;&gt; &amp; `Vec<T>`"
        );
        assert_eq!(sentence(" blocks forever "), "Blocks forever.");
        assert_eq!(sentence("blocks forever."), "Blocks forever.");
        assert_eq!(sentence("`main` blocks"), "`main` blocks.");
    }

    #[test]
    fn shutdown_labels_say_which_signal_when_and_how_it_ends() {
        let decl = "behaviour = 'shutdown'\ntrigger = 'serving'\nsignal = 'SIGINT'\nwithin-ms = 3000\n\
                    stdout = '''starting\nserving\ndrained 3 jobs\n'''";
        let s = shown(&listing(Lang::Rust, decl));
        assert_eq!(s.mark, "Shuts down cleanly");
        assert_eq!(s.attrs, ["no_run", "noplayground"]);
        for want in [
            "line `serving`",
            &format!("nothing after it for {} ms", spec::LIMITS.signal_quiet_ms),
            "sends `SIGINT` to the process",
            "exits with status 0 within 3000 ms",
            &format!(
                "One more run, sent no signal, must still be running {} ms after the trigger line",
                spec::LIMITS.signal_control_ms
            ),
            "Before the signal:\n\n```text\nstarting\nserving\n```",
            "After the signal:\n\n```text\ndrained 3 jobs\n```",
        ] {
            assert!(s.body.contains(want), "{want:?} missing from {}", s.body);
        }
        let forced = shown(&listing(Lang::Go, &format!("{decl}\nexit = 1")));
        assert_eq!(forced.mark, "Forced exit");
        assert!(
            forced.body.contains("exits with status 1 within"),
            "{}",
            forced.body
        );
        let killed = shown(&listing(
            Lang::Rust,
            &decl.replace("within-ms", "killed-by = 'SIGKILL'\nwithin-ms"),
        ));
        assert_eq!(killed.mark, "Does not exit");
        assert!(!killed.body.contains("sent no signal"), "{}", killed.body);
        assert!(
            killed.body.contains(
                "still running 3000 ms after the signal, so the test kills it with SIGKILL"
            ),
            "{}",
            killed.body
        );
    }
}
