//! A listing's declared behaviour: `[package.metadata.listing]` in a Rust listing's `Cargo.toml`, `[listing]` in a
//! Go listing's `listing.toml`.
//!
//! The declaration is written once; the harness asserts it and the preprocessor shows it to the reader. Adding a
//! behaviour class means one variant of [`Behaviour`] (with its checks in [`validate`]), one judge in the harness
//! and one label function in `render.rs`.

use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// The numbers every stuck-process and finishing-listing check uses. The harness judges with [`LIMITS`] and the
/// labels quote [`LIMITS`], so a label never promises a longer observation than the test made. The harness's
/// self-tests inject shorter limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// A program declared to keep running (deadlock, spin, leak) must still be alive this long after it starts.
    pub alive_after_ms: u64,
    /// The length of one observation window.
    pub window_ms: u64,
    /// How many consecutive windows must agree, for a pass as for a failure.
    pub windows: u32,
    /// A `spin` listing is sampled once more after this pause, and must still be alive and busy.
    pub spin_recheck_ms: u64,
    /// A stuck-process check that has seen no stable verdict after this long fails.
    pub evidence_within_ms: u64,
    /// A finishing listing (or the part of a leak listing before its output) must be done within this.
    pub finish_within_ms: u64,
    /// How many times each finishing listing is run (in parallel); every run must pass.
    pub runs: u32,
    /// After a program exits, how long its pipes may stay open (held by a descendant) before the check fails.
    pub drain_within_ms: u64,
    /// How much of each output stream is kept: this many bytes of the head and of the tail.
    pub capture_bytes: usize,
    /// How many times an `outcomes` listing is run.
    pub outcome_runs: u32,
    /// `shutdown`: after its trigger line, a program must print nothing more and keep running this long before
    /// the test sends the signal (so what it prints afterwards is printed after the signal).
    pub signal_quiet_ms: u64,
    /// `shutdown` (ending with an exit or the signal's default action): one more run, sent no signal, must still be
    /// running this long after its trigger line, plus as long as the slowest signalled run took to end. So the
    /// signal is what ended the program, not a timer of its own.
    pub signal_control_ms: u64,
}

/// The limits the book's tests use, and the labels quote.
pub const LIMITS: Limits = Limits {
    alive_after_ms: 300,
    window_ms: 400,
    windows: 5,
    spin_recheck_ms: 1000,
    evidence_within_ms: 20_000,
    finish_within_ms: 10_000,
    runs: 3,
    drain_within_ms: 2_000,
    // Enough for M15's spinning worker (up to ~200 KB here) to be judged whole.
    capture_bytes: 1024 * 1024,
    outcome_runs: 10,
    signal_quiet_ms: 100,
    signal_control_ms: 500,
};

/// The least Go version the Go listings are tested with.
pub const GO_MIN_VERSION: (u32, u32, u32) = (1, 27, 3);

/// The directory-name prefix of a Go listing (`listings/j13/go-torn-slice`).
pub const GO_PREFIX: &str = "go-";
/// The cargo feature that lets a `compile-fail` listing be compiled on purpose.
pub const COMPILE_FAIL_FEATURE: &str = "does-not-compile";

/// The language of a listing, from the files in its directory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    /// A cargo package: `Cargo.toml` and `src/main.rs`.
    Rust,
    /// A Go module: `go.mod`, `main.go` and `listing.toml`.
    Go,
}

impl Lang {
    /// The file holding the declaration.
    pub fn manifest_file(self) -> &'static str {
        match self {
            Lang::Rust => "Cargo.toml",
            Lang::Go => "listing.toml",
        }
    }

    /// The program's source file, the one chapters include.
    pub fn main_file(self) -> &'static str {
        match self {
            Lang::Rust => "src/main.rs",
            Lang::Go => "main.go",
        }
    }

    /// The language tag of a fence that shows the listing.
    pub fn fence_lang(self) -> &'static str {
        match self {
            Lang::Rust => "rust",
            Lang::Go => "go",
        }
    }

    /// The TOML table holding the declaration.
    pub fn table(self) -> &'static str {
        match self {
            Lang::Rust => "[package.metadata.listing]",
            Lang::Go => "[listing]",
        }
    }
}

/// One listing: `listings/<entry>/<name>/`.
#[derive(Debug, Clone)]
pub struct Listing {
    /// Absolute path of the listing directory.
    pub dir: PathBuf,
    /// `<entry>/<name>`, e.g. `j05/full-buffer-deadlock`.
    pub rel: String,
    /// `<entry>-<name>`: the cargo package name of a Rust listing, the name of a Go one.
    pub package: String,
    pub lang: Lang,
    /// The caption shown above the code.
    pub description: String,
    pub behaviour: Behaviour,
}

impl Listing {
    /// The manifest path relative to the book root, for messages.
    pub fn manifest(&self) -> String {
        format!("listings/{}/{}", self.rel, self.lang.manifest_file())
    }

    /// The name of the test that checks this listing: `j05_full_buffer_deadlock`.
    pub fn test_name(&self) -> String {
        test_name(&self.rel)
    }
}

/// The name of the test for the listing directory `<entry>/<name>`.
pub fn test_name(rel: &str) -> String {
    rel.replace(['/', '-'], "_")
}

/// The behaviour classes. Field names are the keys of the declaration table.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(
    tag = "behaviour",
    rename_all = "kebab-case",
    rename_all_fields = "kebab-case",
    deny_unknown_fields
)]
pub enum Behaviour {
    /// Exits with status 0 and prints exactly `stdout` (and `stderr`, empty unless declared).
    Output {
        stdout: String,
        /// The messages of panics the program catches (their reports go to stderr), in any order.
        #[serde(default)]
        panics: Vec<String>,
        stderr: Option<String>,
    },
    /// Exits with status 0; stdout varies but has every stated property.
    Invariant {
        invariant: String,
        /// The lines of stdout, as a multiset: same lines, any order.
        unordered_lines: Option<String>,
        first_line: Option<String>,
        last_line: Option<String>,
        /// A regular expression every line must match (anchored at both ends).
        each_line_matches: Option<String>,
        /// Lines that must each appear at least once.
        #[serde(default)]
        contains_lines: Vec<String>,
        line_count: Option<usize>,
        #[serde(default)]
        panics: Vec<String>,
        stderr: Option<String>,
    },
    /// Dies of a panic whose message is `panic` (Rust: exit status 101; Go: exit status 2, the value after
    /// `panic: `).
    Panic {
        panic: String,
        stdout: Option<String>,
        /// Rust: the messages of the panics before the fatal one (other threads'), in any order.
        #[serde(default)]
        panics: Vec<String>,
        /// Text on stderr besides the panic reports.
        stderr: Option<String>,
    },
    /// Go only: the runtime stops the program with `fatal error: <fatal>` (exit status 2).
    Fatal {
        fatal: String,
        stdout: Option<String>,
    },
    /// Stays alive and stuck. Rust: every thread in an untimed wait. Go: exactly `goroutines` are blocked.
    Deadlock {
        blocked: String,
        stdout: Option<String>,
        /// Go: every goroutine besides the runtime's, as `"main.go:12 chan send"`.
        goroutines: Option<Vec<String>>,
    },
    /// Stays alive and burns CPU.
    Spin { spinning: String },
    /// Prints `stdout`, then stays alive with some threads (Rust: exactly `leaked-threads` besides main) or
    /// goroutines (Go: exactly `goroutines`) blocked forever.
    Leak {
        #[serde(alias = "blocked")]
        leaked: String,
        leaked_threads: Option<u32>,
        stdout: String,
        goroutines: Option<Vec<String>>,
    },
    /// Go only: the `-race` build reports a data race between the two `accesses` (`"main.go:10"`) and exits with
    /// status 66.
    Race {
        race: String,
        accesses: Vec<String>,
        stdout: Option<String>,
    },
    /// Go only: `go vet` reports analyzer `check` with a message containing `message`.
    Vet { check: String, message: String },
    /// Fails to compile. Rust: with error code `error` (or the codes `errors`) and no other error, one of them
    /// containing `message`. Go: `go build` fails with an error containing `message` (at `line` if given).
    CompileFail {
        error: Option<String>,
        #[serde(default)]
        errors: Vec<String>,
        message: String,
        line: Option<u32>,
    },
    /// Go only: the program finishes in one of several ways; the first outcome is the usual one.
    Outcomes {
        usually: String,
        outcomes: Vec<Behaviour>,
    },
    /// Shuts down on a real signal: once stdout holds the line `trigger` (and nothing after it), the test sends
    /// `signal` to the process; it must then end as declared within `within-ms` (see [`ShutdownEnd`]), having
    /// printed exactly `stdout` (the trigger line included).
    Shutdown {
        trigger: String,
        signal: String,
        stdout: String,
        within_ms: u64,
        /// The exit status it must end with (0 if neither this nor `killed-by` is given).
        exit: Option<i32>,
        /// `"SIGKILL"`: still running `within-ms` after the signal, so the test kills it; or the declared `signal`
        /// itself: its default action ends the process (no handler).
        killed_by: Option<String>,
        stderr: Option<String>,
    },
}

impl Behaviour {
    /// The class name as written in `behaviour = "…"`.
    pub fn class(&self) -> &'static str {
        match self {
            Behaviour::Output { .. } => "output",
            Behaviour::Invariant { .. } => "invariant",
            Behaviour::Panic { .. } => "panic",
            Behaviour::Fatal { .. } => "fatal",
            Behaviour::Deadlock { .. } => "deadlock",
            Behaviour::Spin { .. } => "spin",
            Behaviour::Leak { .. } => "leak",
            Behaviour::Race { .. } => "race",
            Behaviour::Vet { .. } => "vet",
            Behaviour::CompileFail { .. } => "compile-fail",
            Behaviour::Outcomes { .. } => "outcomes",
            Behaviour::Shutdown { .. } => "shutdown",
        }
    }

    /// Does the program run to completion?
    pub fn finishes(&self) -> bool {
        matches!(
            self,
            Behaviour::Output { .. }
                | Behaviour::Invariant { .. }
                | Behaviour::Panic { .. }
                | Behaviour::Fatal { .. }
                | Behaviour::Race { .. }
                | Behaviour::Outcomes { .. }
        )
    }

    /// Does the program run forever (the reader stops it)?
    pub fn runs_forever(&self) -> bool {
        matches!(
            self,
            Behaviour::Deadlock { .. } | Behaviour::Spin { .. } | Behaviour::Leak { .. }
        )
    }

    /// The classes a language supports.
    pub fn classes(lang: Lang) -> &'static [&'static str] {
        match lang {
            Lang::Rust => &[
                "output",
                "invariant",
                "panic",
                "deadlock",
                "spin",
                "leak",
                "compile-fail",
                "shutdown",
            ],
            Lang::Go => &[
                "output",
                "invariant",
                "panic",
                "fatal",
                "deadlock",
                "leak",
                "spin",
                "race",
                "vet",
                "compile-fail",
                "outcomes",
                "shutdown",
            ],
        }
    }

    /// The compiler error codes a Rust compile-fail listing declares.
    pub fn error_codes(&self) -> Vec<String> {
        match self {
            Behaviour::CompileFail { error, errors, .. } => {
                error.iter().chain(errors).cloned().collect()
            }
            _ => Vec::new(),
        }
    }

    /// The anchored regex of `each-line-matches`, if any.
    pub fn line_regex(&self) -> Option<Result<regex::Regex, regex::Error>> {
        match self {
            Behaviour::Invariant {
                each_line_matches: Some(re),
                ..
            } => Some(regex::Regex::new(&format!("^(?:{re})$"))),
            _ => None,
        }
    }
}

/// An error in a contributor's input, located in a file (relative to the book root) and line (0 = whole file).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl Diagnostic {
    pub fn new(file: impl Into<String>, line: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

#[derive(Deserialize)]
struct Manifest {
    package: Package,
    #[serde(default)]
    bin: Vec<BinTarget>,
    #[serde(default)]
    features: toml::Table,
}

#[derive(Deserialize)]
struct Package {
    name: String,
    description: Option<String>,
    #[serde(default)]
    metadata: Metadata,
}

#[derive(Deserialize, Default)]
struct Metadata {
    listing: Option<Behaviour>,
}

#[derive(Deserialize)]
struct BinTarget {
    #[serde(rename = "required-features", default)]
    required_features: Vec<String>,
}

/// A Go listing's `listing.toml`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GoManifest {
    description: Option<String>,
    listing: Option<Behaviour>,
    /// The puzzle flag, read by `puzzle.rs`.
    #[allow(dead_code)]
    puzzle: Option<toml::Value>,
}

/// Is `s` an entry id directory such as `j05` or `m17`?
pub fn is_entry_dir(s: &str) -> bool {
    crate::levels::is_entry_dir(s)
}

/// The 1-based line of byte offset `at` in `text`.
fn line_at(text: &str, at: usize) -> usize {
    text[..at.min(text.len())].matches('\n').count() + 1
}

/// Where things are in a manifest, for messages: the declaration table's line and each of its keys' lines.
struct Lines<'a> {
    text: &'a str,
    table: &'a str,
}

impl Lines<'_> {
    /// The line of the table header, or 0 if there is none.
    fn table(&self) -> usize {
        self.text
            .lines()
            .position(|l| l.trim() == self.table)
            .map_or(0, |i| i + 1)
    }

    /// The line of `key = …` inside the declaration table (the table's line if the key is absent).
    fn key(&self, key: &str) -> usize {
        let start = self.table();
        if start == 0 {
            return 0;
        }
        for (i, l) in self.text.lines().enumerate().skip(start) {
            let t = l.trim_start();
            if t.starts_with('[') && !t.starts_with("[[listing.outcomes]]") {
                break;
            }
            if let Some(rest) = t.strip_prefix(key)
                && rest.trim_start().starts_with('=')
            {
                return i + 1;
            }
        }
        start
    }
}

/// The directory kind of a listing, or why it is none.
fn lang_of(dir: &Path) -> Result<Lang, String> {
    match (dir.join("Cargo.toml").is_file(), dir.join("go.mod").is_file()) {
        (true, false) => Ok(Lang::Rust),
        (false, true) => Ok(Lang::Go),
        (true, true) => Err("a listing is either a cargo package or a Go module, not both".into()),
        (false, false) => Err(
            "a listing folder needs Cargo.toml (a Rust listing) or go.mod, main.go and listing.toml (a Go listing)"
                .into(),
        ),
    }
}

/// Reads one listing. Every problem found is reported, naming the manifest and the line.
pub fn load_listing(root: &Path, entry: &str, name: &str) -> Result<Listing, Vec<Diagnostic>> {
    let rel = format!("{entry}/{name}");
    let dir = root.join("listings").join(entry).join(name);
    let lang = lang_of(&dir).map_err(|m| vec![Diagnostic::new(format!("listings/{rel}"), 0, m)])?;
    let manifest = format!("listings/{rel}/{}", lang.manifest_file());
    let err = |line: usize, m: String| vec![Diagnostic::new(&manifest, line, m)];
    let text = std::fs::read_to_string(dir.join(lang.manifest_file()))
        .map_err(|e| err(0, format!("cannot read the listing's manifest: {e}")))?;
    let lines = Lines {
        text: &text,
        table: lang.table(),
    };
    let parse_error = |e: toml::de::Error| {
        let line = e.span().map_or(0, |s| line_at(&text, s.start));
        err(
            line,
            format!("invalid manifest: {}", e.message().trim_end()),
        )
    };
    let mut diags = Vec::new();
    let expected_name = format!("{entry}-{name}");
    let (description, behaviour) = match lang {
        Lang::Rust => {
            let parsed: Manifest = toml::from_str(&text).map_err(parse_error)?;
            if parsed.package.name != expected_name {
                diags.push(Diagnostic::new(
                    &manifest,
                    line_of(&text, "name"),
                    format!(
                        "package name `{}` should be `{expected_name}` (entry id and directory name)",
                        parsed.package.name
                    ),
                ));
            }
            if name.starts_with("go") {
                diags.push(Diagnostic::new(
                    &manifest,
                    0,
                    "a Rust listing's directory name must not start with `go`: the workspace's member globs \
                     leave `listings/*/go*` to the Go listings",
                ));
            }
            if let Some(b) = &parsed.package.metadata.listing {
                let gated = parsed.bin.iter().any(|t| {
                    t.required_features
                        .iter()
                        .any(|f| f == COMPILE_FAIL_FEATURE)
                });
                let feature = parsed.features.contains_key(COMPILE_FAIL_FEATURE);
                match (b, gated && feature) {
                    (Behaviour::CompileFail { .. }, false) => diags.push(Diagnostic::new(
                        &manifest,
                        lines.table(),
                        format!(
                            "a compile-fail listing needs `[features] {COMPILE_FAIL_FEATURE} = []` and a \
                             [[bin]] with `required-features = [\"{COMPILE_FAIL_FEATURE}\"]`, so the workspace \
                             builds without it; see CONTRIBUTING.md"
                        ),
                    )),
                    (Behaviour::CompileFail { .. }, true) => {}
                    (_, _) if gated => diags.push(Diagnostic::new(
                        &manifest,
                        lines.table(),
                        format!(
                            "only compile-fail listings may gate their binary behind `{COMPILE_FAIL_FEATURE}`"
                        ),
                    )),
                    _ => {}
                }
            }
            (parsed.package.description, parsed.package.metadata.listing)
        }
        Lang::Go => {
            let parsed: GoManifest = toml::from_str(&text).map_err(parse_error)?;
            if !name.starts_with(GO_PREFIX) {
                diags.push(Diagnostic::new(
                    format!("listings/{rel}"),
                    0,
                    format!(
                        "a Go listing's directory is named `{GO_PREFIX}<name>`: the workspace's member globs skip \
                         `listings/*/go*`, which have a go.mod instead of a Cargo.toml"
                    ),
                ));
            }
            (parsed.description, parsed.listing)
        }
    };
    for file in [lang.main_file()]
        .into_iter()
        .chain((lang == Lang::Go).then_some("listing.toml"))
    {
        if !dir.join(file).is_file() {
            diags.push(Diagnostic::new(
                &manifest,
                0,
                format!("{file} is missing: a listing is one program"),
            ));
        }
    }
    let description = match description {
        Some(d) if !d.trim().is_empty() => d,
        _ => {
            diags.push(Diagnostic::new(
                &manifest,
                line_of(&text, "description"),
                "`description` (the listing's caption) is missing",
            ));
            String::new()
        }
    };
    match &behaviour {
        None => diags.push(Diagnostic::new(
            &manifest,
            0,
            format!(
                "no declared behaviour: add {} with `behaviour = \"output\"` (or {}); see CONTRIBUTING.md",
                lang.table(),
                Behaviour::classes(lang)[1..].join(", ")
            ),
        )),
        Some(b) => diags.extend(
            validate(b, lang)
                .into_iter()
                .map(|(key, m)| Diagnostic::new(&manifest, lines.key(key), m)),
        ),
    }
    match behaviour {
        Some(behaviour) if diags.is_empty() => Ok(Listing {
            dir,
            rel,
            package: expected_name,
            lang,
            description,
            behaviour,
        }),
        _ => Err(diags),
    }
}

/// The line of the first `key = …` in `text` (0 if none).
fn line_of(text: &str, key: &str) -> usize {
    text.lines()
        .position(|l| {
            l.trim_start()
                .strip_prefix(key)
                .is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map_or(0, |i| i + 1)
}

/// Checks a declaration beyond its syntax. Each problem comes with the key it is about (for its line).
pub fn validate(b: &Behaviour, lang: Lang) -> Vec<(&'static str, String)> {
    let mut d: Vec<(&'static str, String)> = Vec::new();
    let mut need = |ok: bool, key: &'static str, what: &str| {
        if !ok {
            d.push((key, what.to_string()));
        }
    };
    let class = b.class();
    if !Behaviour::classes(lang).contains(&class) {
        need(
            false,
            "behaviour",
            &format!(
                "`{class}` is not a behaviour of a {lang:?} listing; use one of: {}",
                Behaviour::classes(lang).join(", ")
            ),
        );
        return d;
    }
    let go = lang == Lang::Go;
    match b {
        Behaviour::Output { stdout, panics, .. } => {
            need(!stdout.trim().is_empty(), "stdout", "`stdout` is empty");
            need(
                !go || panics.is_empty(),
                "panics",
                "`panics` is for Rust listings",
            );
        }
        Behaviour::Invariant {
            invariant,
            unordered_lines,
            first_line,
            last_line,
            each_line_matches,
            contains_lines,
            line_count,
            ..
        } => {
            need(
                !invariant.trim().is_empty(),
                "invariant",
                "`invariant` (the property in words) is empty",
            );
            let checks = unordered_lines.is_some()
                || first_line.is_some()
                || last_line.is_some()
                || !contains_lines.is_empty()
                || line_count.is_some();
            need(
                checks,
                "invariant",
                "an invariant listing needs at least one check besides `each-line-matches` (which empty output \
                 passes): unordered-lines, first-line, last-line, contains-lines or line-count",
            );
            if let Some(re) = each_line_matches {
                need(
                    !re.is_empty(),
                    "each-line-matches",
                    "`each-line-matches` is empty",
                );
            }
            if let Some(Err(e)) = b.line_regex() {
                need(
                    false,
                    "each-line-matches",
                    &format!("`each-line-matches` is not a valid regular expression: {e}"),
                );
            }
        }
        Behaviour::Panic {
            panic,
            stderr,
            panics,
            ..
        } => {
            need(
                !panic.trim().is_empty(),
                "panic",
                "`panic` (the message) is empty",
            );
            need(
                !go || panics.is_empty(),
                "panics",
                "`panics` is for Rust listings",
            );
            need(
                !(go && stderr.is_some()),
                "stderr",
                "a Go panic listing cannot declare `stderr`: the runtime's report is all of it",
            );
        }
        Behaviour::Fatal { fatal, .. } => need(
            !fatal.trim().is_empty(),
            "fatal",
            "`fatal` (the text after `fatal error: `) is empty",
        ),
        Behaviour::Deadlock {
            blocked,
            goroutines,
            ..
        } => {
            need(!blocked.trim().is_empty(), "blocked", "`blocked` is empty");
            need_goroutines(&mut need, go, goroutines);
        }
        Behaviour::Spin { spinning } => need(
            !spinning.trim().is_empty(),
            "spinning",
            "`spinning` is empty",
        ),
        Behaviour::Leak {
            leaked,
            leaked_threads,
            stdout,
            goroutines,
        } => {
            need(!leaked.trim().is_empty(), "leaked", "`leaked` is empty");
            need(
                !stdout.trim().is_empty(),
                "stdout",
                "`stdout` (printed once the work is done) is empty",
            );
            need_goroutines(&mut need, go, goroutines);
            match (go, leaked_threads) {
                (false, None) => need(
                    false,
                    "leaked-threads",
                    "`leaked-threads` (how many) is missing",
                ),
                (false, Some(n)) => need(
                    *n >= 1,
                    "leaked-threads",
                    "`leaked-threads` must be at least 1",
                ),
                (true, Some(_)) => need(
                    false,
                    "leaked-threads",
                    "a Go leak declares its `goroutines`, not `leaked-threads`",
                ),
                (true, None) => {}
            }
        }
        Behaviour::Race { race, accesses, .. } => {
            need(!race.trim().is_empty(), "race", "`race` is empty");
            need(
                accesses.len() == 2 && accesses.iter().all(|a| is_location(a)),
                "accesses",
                "`accesses` lists the two racing accesses as \"main.go:<line>\"",
            );
        }
        Behaviour::Vet { check, message } => {
            need(
                !check.trim().is_empty(),
                "check",
                "`check` (the analyzer, e.g. \"copylocks\") is empty",
            );
            need(!message.trim().is_empty(), "message", "`message` is empty");
        }
        Behaviour::CompileFail {
            error,
            errors,
            message,
            line,
        } => {
            need(!message.trim().is_empty(), "message", "`message` is empty");
            if go {
                need(
                    error.is_none() && errors.is_empty(),
                    "error",
                    "a Go compile-fail listing has no error code: declare `message` (and `line`)",
                );
            } else {
                need(line.is_none(), "line", "`line` is for Go listings");
                need(
                    error.is_none() || errors.is_empty(),
                    "errors",
                    "declare either `error` or `errors`, not both",
                );
                for code in b.error_codes() {
                    let ok = code.len() == 5
                        && code.starts_with('E')
                        && code[1..].bytes().all(|c| c.is_ascii_digit());
                    need(
                        ok,
                        "error",
                        "an error code is a rustc code such as \"E0373\"",
                    );
                }
            }
        }
        Behaviour::Outcomes { usually, outcomes } => {
            need(!usually.trim().is_empty(), "usually", "`usually` is empty");
            need(
                outcomes.len() >= 2,
                "outcomes",
                "an `outcomes` listing declares at least two [[listing.outcomes]], the usual one first",
            );
            for o in outcomes {
                if !matches!(
                    o,
                    Behaviour::Output { .. }
                        | Behaviour::Invariant { .. }
                        | Behaviour::Panic { .. }
                        | Behaviour::Fatal { .. }
                        | Behaviour::Race { .. }
                ) {
                    need(
                        false,
                        "outcomes",
                        &format!(
                            "an outcome is output, invariant, panic, fatal or race, not `{}`",
                            o.class()
                        ),
                    );
                } else {
                    for (key, m) in validate(o, lang) {
                        need(false, key, &format!("in an outcome: {m}"));
                    }
                }
            }
        }
        Behaviour::Shutdown { .. } => validate_shutdown(b, &mut need),
    }
    d
}

/// The signals a `shutdown` listing may be sent, with their Linux numbers.
pub const SHUTDOWN_SIGNALS: &[(&str, i32)] = &[("SIGTERM", 15), ("SIGINT", 2), ("SIGHUP", 1)];
/// `killed-by = "SIGKILL"`: the test's own forced kill.
pub const SIGKILL: (&str, i32) = ("SIGKILL", 9);
/// The range of `within-ms` a `shutdown` listing may declare: generous enough for a loaded 2-core machine, short
/// enough to keep the suite quick.
pub const SHUTDOWN_WITHIN_MS: std::ops::RangeInclusive<u64> = 1000..=10_000;

/// The Linux number of a signal a `shutdown` declaration names.
pub fn signal_number(name: &str) -> Option<i32> {
    SHUTDOWN_SIGNALS
        .iter()
        .chain([&SIGKILL])
        .find(|(n, _)| *n == name)
        .map(|(_, k)| *k)
}

/// How a `shutdown` listing ends after the signal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ShutdownEnd {
    /// It exits with this status within `within-ms`.
    Exit(i32),
    /// The signal's default action ends it within `within-ms` (it installed no handler).
    KilledBySignal,
    /// It is still running `within-ms` after the signal; the test then kills it with SIGKILL.
    Sigkill,
}

impl Behaviour {
    /// How a `shutdown` listing must end (`None` for other classes).
    pub fn shutdown_end(&self) -> Option<ShutdownEnd> {
        let Behaviour::Shutdown {
            exit, killed_by, ..
        } = self
        else {
            return None;
        };
        Some(match killed_by.as_deref() {
            None => ShutdownEnd::Exit(exit.unwrap_or(0)),
            Some(k) if k == SIGKILL.0 => ShutdownEnd::Sigkill,
            Some(_) => ShutdownEnd::KilledBySignal,
        })
    }
}

/// The checks of a `shutdown` declaration.
fn validate_shutdown(b: &Behaviour, need: &mut impl FnMut(bool, &'static str, &str)) {
    let Behaviour::Shutdown {
        trigger,
        signal,
        stdout,
        within_ms,
        exit,
        killed_by,
        ..
    } = b
    else {
        return;
    };
    let names = SHUTDOWN_SIGNALS
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ");
    need(
        SHUTDOWN_SIGNALS.iter().any(|(n, _)| n == signal),
        "signal",
        &format!("`signal = \"{signal}\"` is not a signal the test sends; use one of {names}"),
    );
    need(
        !trigger.trim().is_empty() && !trigger.contains('\n'),
        "trigger",
        "`trigger` is one whole line of stdout, after which the test sends the signal",
    );
    need(
        trigger.contains('\n') || stdout.lines().any(|l| l == trigger),
        "trigger",
        &format!(
            "`trigger` ({trigger:?}) is not a line of the declared `stdout`: the declared output is the whole \
             output, the trigger line included"
        ),
    );
    need(
        SHUTDOWN_WITHIN_MS.contains(within_ms),
        "within-ms",
        &format!(
            "`within-ms` is {within_ms}: declare between {} and {} ms (a loaded 2-core machine needs a generous bound)",
            SHUTDOWN_WITHIN_MS.start(),
            SHUTDOWN_WITHIN_MS.end()
        ),
    );
    if let Some(code) = exit {
        need(
            (0..=255).contains(code),
            "exit",
            "`exit` is an exit status, 0 to 255",
        );
    }
    if let Some(k) = killed_by {
        need(
            k == SIGKILL.0 || k == signal,
            "killed-by",
            &format!(
                "`killed-by` is \"SIGKILL\" (still running `within-ms` after the signal, then killed by the test) \
                 or the declared signal \"{signal}\" (its default action ends the process), not {k:?}"
            ),
        );
        need(
            exit.is_none(),
            "exit",
            "declare either `exit` (it exits by itself) or `killed-by`, not both",
        );
    }
}

fn need_goroutines(
    need: &mut impl FnMut(bool, &'static str, &str),
    go: bool,
    g: &Option<Vec<String>>,
) {
    match (go, g) {
        (false, Some(_)) => need(false, "goroutines", "`goroutines` is for Go listings"),
        (true, None) => need(
            false,
            "goroutines",
            "a Go listing declares its blocked `goroutines`, e.g. [\"main.go:12 chan send\"]",
        ),
        (true, Some(list)) => {
            need(!list.is_empty(), "goroutines", "`goroutines` is empty");
            for g in list {
                let ok = g
                    .split_once(' ')
                    .is_some_and(|(at, why)| is_location(at) && !why.trim().is_empty());
                need(
                    ok,
                    "goroutines",
                    &format!("`{g}` is not \"<file>.go:<line> <wait reason>\""),
                );
            }
        }
        (false, None) => {}
    }
}

/// Is `s` a `<file>.go:<line>` location?
fn is_location(s: &str) -> bool {
    s.rsplit_once(':').is_some_and(|(f, l)| {
        f.ends_with(".go")
            && !f.contains('/')
            && !l.is_empty()
            && l.bytes().all(|c| c.is_ascii_digit())
    })
}

/// Every listing directory `listings/<entry>/<name>` under `root`, as `<entry>/<name>`, sorted; or why there are
/// none (a missing `listings/` is an error, not an empty book).
pub fn listing_dirs(root: &Path) -> Result<Vec<String>, Diagnostic> {
    let base = root.join("listings");
    if !base.is_dir() {
        return Err(Diagnostic::new(
            "listings",
            0,
            format!("the listings directory {} does not exist", base.display()),
        ));
    }
    let mut out = Vec::new();
    for entry in sorted_dirs(&base) {
        for dir in sorted_dirs(&entry) {
            out.push(format!("{}/{}", file_name(&entry), file_name(&dir)));
        }
    }
    Ok(out)
}

/// Every listing under `root/listings`, sorted by path, or every problem found.
pub fn load_all(root: &Path) -> (Vec<Listing>, Vec<Diagnostic>) {
    let mut listings = Vec::new();
    let mut diags = Vec::new();
    let base = root.join("listings");
    if !base.is_dir() {
        diags.push(Diagnostic::new(
            "listings",
            0,
            format!("the listings directory {} does not exist", base.display()),
        ));
        return (listings, diags);
    }
    for entry in sorted_dirs(&base) {
        let entry_name = file_name(&entry);
        if !is_entry_dir(&entry_name) {
            diags.push(Diagnostic::new(
                format!("listings/{entry_name}"),
                0,
                "listing folders are named by entry id in lower case, e.g. listings/j05",
            ));
            continue;
        }
        for dir in sorted_dirs(&entry) {
            match load_listing(root, &entry_name, &file_name(&dir)) {
                Ok(l) => listings.push(l),
                Err(d) => diags.extend(d),
            }
        }
    }
    (listings, diags)
}

fn sorted_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    v.sort();
    v
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book(files: &[(&str, &str)]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!(
            "spec-test-{}-{}",
            std::process::id(),
            files.iter().map(|f| f.1.len()).sum::<usize>()
        ));
        let _ = std::fs::remove_dir_all(&dir);
        for (path, text) in files {
            let p = dir.join(path);
            std::fs::create_dir_all(p.parent().unwrap()).unwrap();
            std::fs::write(p, text).unwrap();
        }
        dir
    }

    const CARGO: &str =
        "[package]\nname = \"j01-x\"\ndescription = \"d\"\nedition.workspace = true\n\n";

    #[test]
    fn diagnostics_carry_the_line_of_the_key() {
        let manifest = format!(
            "{CARGO}[package.metadata.listing]\nbehaviour = \"invariant\"\ninvariant = \"x\"\nline-count = 2\neach-line-matches = \"(\"\n"
        );
        let root = book(&[
            ("listings/j01/x/Cargo.toml", &manifest),
            ("listings/j01/x/src/main.rs", "fn main() {}"),
        ]);
        let d = load_listing(&root, "j01", "x").unwrap_err();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].line, 10, "{}", d[0]);
        assert!(
            d[0].message.contains("not a valid regular expression"),
            "{}",
            d[0]
        );
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn toml_errors_carry_their_line() {
        let manifest =
            format!("{CARGO}[package.metadata.listing]\nbehaviour = \"output\"\nstdot = \"x\"\n");
        let root = book(&[
            ("listings/j01/x/Cargo.toml", &manifest),
            ("listings/j01/x/src/main.rs", "fn main() {}"),
        ]);
        let d = load_listing(&root, "j01", "x").unwrap_err();
        assert!(d[0].line >= 6, "{}", d[0]);
        assert!(d[0].message.contains("stdot"), "{}", d[0]);
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn a_missing_listings_dir_is_an_error() {
        let root = book(&[("book.toml", "")]);
        assert!(listing_dirs(&root).is_err());
        assert_eq!(load_all(&root).1.len(), 1);
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn each_line_matches_alone_is_refused() {
        let b: Behaviour =
            toml::from_str("behaviour = 'invariant'\ninvariant = 'x'\neach-line-matches = 'a+'")
                .unwrap();
        assert!(!validate(&b, Lang::Rust).is_empty());
    }

    #[test]
    fn go_declarations() {
        let ok = "description = \"d\"\n[listing]\nbehaviour = \"deadlock\"\nblocked = \"b\"\ngoroutines = [\"main.go:12 chan send\"]\n";
        let root = book(&[
            ("listings/j01/go-g/go.mod", "module x\n"),
            ("listings/j01/go-g/main.go", "package main\n"),
            ("listings/j01/go-g/listing.toml", ok),
        ]);
        let l = load_listing(&root, "j01", "go-g").unwrap();
        assert_eq!(l.lang, Lang::Go);
        assert_eq!(l.manifest(), "listings/j01/go-g/listing.toml");
        std::fs::write(
            root.join("listings/j01/go-g/listing.toml"),
            ok.replace("main.go:12 chan send", "chan send"),
        )
        .unwrap();
        let d = load_listing(&root, "j01", "go-g").unwrap_err();
        assert_eq!(d[0].line, 5, "{}", d[0]);
        // The workspace's member globs leave `listings/*/go*` to Go: each side keeps to its names.
        std::fs::rename(root.join("listings/j01/go-g"), root.join("listings/j01/g")).unwrap();
        std::fs::write(root.join("listings/j01/g/listing.toml"), ok).unwrap();
        let d = load_listing(&root, "j01", "g").unwrap_err();
        assert!(d[0].message.contains("named `go-<name>`"), "{}", d[0]);
        let _ = std::fs::remove_dir_all(root);
    }

    #[test]
    fn shutdown_declarations_name_the_wrong_key() {
        let ok = "behaviour = 'shutdown'\ntrigger = 'ready'\nsignal = 'SIGTERM'\nwithin-ms = 2000\nstdout = '''ready\ndone\n'''";
        let check = |decl: &str| {
            let b: Behaviour = toml::from_str(decl).unwrap();
            validate(&b, Lang::Rust)
        };
        assert_eq!(check(ok), vec![]);
        assert_eq!(check(&format!("{ok}\nexit = 1")), vec![]);
        assert_eq!(check(&format!("{ok}\nkilled-by = 'SIGKILL'")), vec![]);
        assert_eq!(check(&format!("{ok}\nkilled-by = 'SIGTERM'")), vec![]);
        let keys = |decl: &str| check(decl).into_iter().map(|(k, _)| k).collect::<Vec<_>>();
        assert_eq!(keys(&ok.replace("'SIGTERM'", "'TERM'")), ["signal"]);
        assert_eq!(
            keys(&ok.replace("trigger = 'ready'", "trigger = 'steady'")),
            ["trigger"]
        );
        assert_eq!(keys(&ok.replace("2000", "50")), ["within-ms"]);
        assert_eq!(keys(&format!("{ok}\nkilled-by = 'SIGINT'")), ["killed-by"]);
        assert_eq!(
            keys(&format!("{ok}\nkilled-by = 'SIGKILL'\nexit = 0")),
            ["exit"]
        );
        let b: Behaviour = toml::from_str(ok).unwrap();
        assert!(validate(&b, Lang::Go).is_empty());
    }

    #[test]
    fn shutdown_mistakes_are_reported_at_their_line() {
        let manifest = format!(
            "{CARGO}[package.metadata.listing]\nbehaviour = \"shutdown\"\ntrigger = \"ready\"\nsignal = \"SIGTRM\"\n\
             within-ms = 2000\nstdout = \"ready\"\n"
        );
        let root = book(&[
            ("listings/j01/x/Cargo.toml", &manifest),
            ("listings/j01/x/src/main.rs", "fn main() {}"),
        ]);
        let d = load_listing(&root, "j01", "x").unwrap_err();
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].line, 9, "{}", d[0]);
        assert!(d[0].message.contains("`signal = \"SIGTRM\"`"), "{}", d[0]);
        std::fs::write(
            root.join("listings/j01/x/Cargo.toml"),
            manifest.replace("trigger = \"ready\"\n", ""),
        )
        .unwrap();
        let d = load_listing(&root, "j01", "x").unwrap_err();
        assert!(d[0].message.contains("missing field `trigger`"), "{}", d[0]);
        assert!(d[0].line >= 6, "{}", d[0]);
        let _ = std::fs::remove_dir_all(root);
    }
}
