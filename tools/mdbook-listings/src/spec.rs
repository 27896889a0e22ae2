//! A listing's declared behaviour, read from `[package.metadata.listing]` in its `Cargo.toml`.
//!
//! The declaration is written once; the harness asserts it and the preprocessor shows it to the reader.

use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// How long a listing declared `deadlock`, `spin` or `leak` must stay alive before it is examined.
pub const ALIVE_AFTER_MS: u64 = 300;
/// The interval over which a stuck process must use no CPU (deadlock) or keep using CPU (spin).
pub const WINDOW_MS: u64 = 200;
/// How long a listing that should finish may run before it is declared hung.
pub const FINISH_WITHIN_S: u64 = 60;
/// The cargo feature that lets a `compile-fail` listing be compiled on purpose.
pub const COMPILE_FAIL_FEATURE: &str = "does-not-compile";

/// One listing crate: `listings/<entry>/<name>/`.
#[derive(Debug, Clone)]
pub struct Listing {
    /// Absolute path of the crate directory.
    pub dir: PathBuf,
    /// `<entry>/<name>`, e.g. `j05/full-buffer-deadlock`.
    pub rel: String,
    /// The package name, `<entry>-<name>`.
    pub package: String,
    /// The caption shown above the code.
    pub description: String,
    pub behaviour: Behaviour,
}

impl Listing {
    /// The manifest path relative to the book root, for messages.
    pub fn manifest(&self) -> String {
        format!("listings/{}/Cargo.toml", self.rel)
    }
}

/// The behaviour classes. Field names are the keys of `[package.metadata.listing]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(
    tag = "behaviour",
    rename_all = "kebab-case",
    rename_all_fields = "kebab-case",
    deny_unknown_fields
)]
pub enum Behaviour {
    /// Exits with status 0 and prints exactly `stdout`.
    Output { stdout: String },
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
    },
    /// Dies of a panic whose message is `panic`.
    Panic {
        panic: String,
        stdout: Option<String>,
    },
    /// Stays alive, every thread blocked, no CPU used.
    Deadlock {
        blocked: String,
        stdout: Option<String>,
    },
    /// Stays alive and burns CPU.
    Spin { spinning: String },
    /// Prints `stdout`, then keeps `leaked-threads` threads besides main blocked forever.
    Leak {
        leaked: String,
        leaked_threads: u32,
        stdout: String,
    },
    /// Fails to compile with error code `error` and a message containing `message`.
    CompileFail {
        error: Option<String>,
        message: String,
    },
}

impl Behaviour {
    /// The class name as written in `behaviour = "…"`.
    pub fn class(&self) -> &'static str {
        match self {
            Behaviour::Output { .. } => "output",
            Behaviour::Invariant { .. } => "invariant",
            Behaviour::Panic { .. } => "panic",
            Behaviour::Deadlock { .. } => "deadlock",
            Behaviour::Spin { .. } => "spin",
            Behaviour::Leak { .. } => "leak",
            Behaviour::CompileFail { .. } => "compile-fail",
        }
    }

    /// Does the program run to completion?
    pub fn finishes(&self) -> bool {
        matches!(
            self,
            Behaviour::Output { .. } | Behaviour::Invariant { .. } | Behaviour::Panic { .. }
        )
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
    metadata: Option<toml::Table>,
}

#[derive(Deserialize)]
struct BinTarget {
    #[serde(rename = "required-features", default)]
    required_features: Vec<String>,
}

/// Is `s` an entry id directory such as `j05` or `m17`?
pub fn is_entry_dir(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 3 && b"jmspcrx".contains(&b[0]) && b[1].is_ascii_digit() && b[2].is_ascii_digit()
}

/// Reads one listing crate. Every problem found is reported, naming the manifest.
pub fn load_listing(root: &Path, entry: &str, name: &str) -> Result<Listing, Vec<Diagnostic>> {
    let rel = format!("{entry}/{name}");
    let dir = root.join("listings").join(entry).join(name);
    let manifest = format!("listings/{rel}/Cargo.toml");
    let err = |m: String| vec![Diagnostic::new(&manifest, 0, m)];
    let text = std::fs::read_to_string(dir.join("Cargo.toml"))
        .map_err(|e| err(format!("cannot read the listing's manifest: {e}")))?;
    let parsed: Manifest =
        toml::from_str(&text).map_err(|e| err(format!("invalid manifest: {e}")))?;
    let mut diags = Vec::new();
    let expected_name = format!("{entry}-{name}");
    if parsed.package.name != expected_name {
        diags.push(Diagnostic::new(
            &manifest,
            0,
            format!(
                "package name `{}` should be `{expected_name}` (entry id and directory name)",
                parsed.package.name
            ),
        ));
    }
    if !dir.join("src/main.rs").is_file() {
        diags.push(Diagnostic::new(
            &manifest,
            0,
            "a listing is a binary: src/main.rs is missing",
        ));
    }
    let description = match parsed.package.description {
        Some(d) if !d.trim().is_empty() => d,
        _ => {
            diags.push(Diagnostic::new(
                &manifest,
                0,
                "`description` (the listing's caption) is missing",
            ));
            String::new()
        }
    };
    let declaration = parsed
        .package
        .metadata
        .as_ref()
        .and_then(|m| m.get("listing"));
    let behaviour = match declaration {
        None => {
            diags.push(Diagnostic::new(
                &manifest,
                0,
                "no declared behaviour: add [package.metadata.listing] with `behaviour = \"output\"` \
                 (or invariant, panic, deadlock, spin, leak, compile-fail); see CONTRIBUTING.md",
            ));
            None
        }
        Some(v) => match v.clone().try_into::<Behaviour>() {
            Ok(b) => Some(b),
            Err(e) => {
                diags.push(Diagnostic::new(
                    &manifest,
                    0,
                    format!("invalid [package.metadata.listing]: {}", e.message()),
                ));
                None
            }
        },
    };
    if let Some(b) = &behaviour {
        diags.extend(validate(b, &manifest));
        let gated = parsed.bin.iter().any(|t| {
            t.required_features
                .iter()
                .any(|f| f == COMPILE_FAIL_FEATURE)
        });
        let feature = parsed.features.contains_key(COMPILE_FAIL_FEATURE);
        match (b, gated && feature) {
            (Behaviour::CompileFail { .. }, false) => diags.push(Diagnostic::new(
                &manifest,
                0,
                format!(
                    "a compile-fail listing needs `[features] {COMPILE_FAIL_FEATURE} = []` and a \
                     [[bin]] with `required-features = [\"{COMPILE_FAIL_FEATURE}\"]`, so the workspace \
                     builds without it; see CONTRIBUTING.md"
                ),
            )),
            (Behaviour::CompileFail { .. }, true) => {}
            (_, _) if gated => diags.push(Diagnostic::new(
                &manifest,
                0,
                format!("only compile-fail listings may gate their binary behind `{COMPILE_FAIL_FEATURE}`"),
            )),
            _ => {}
        }
    }
    match behaviour {
        Some(behaviour) if diags.is_empty() => Ok(Listing {
            dir,
            rel,
            package: expected_name,
            description,
            behaviour,
        }),
        _ => Err(diags),
    }
}

fn validate(b: &Behaviour, manifest: &str) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    let mut need = |ok: bool, what: &str| {
        if !ok {
            d.push(Diagnostic::new(manifest, 0, what.to_string()));
        }
    };
    match b {
        Behaviour::Output { stdout } => need(!stdout.trim().is_empty(), "`stdout` is empty"),
        Behaviour::Invariant {
            invariant,
            unordered_lines,
            first_line,
            last_line,
            each_line_matches,
            contains_lines,
            line_count,
        } => {
            need(
                !invariant.trim().is_empty(),
                "`invariant` (the property in words) is empty",
            );
            let checks = unordered_lines.is_some()
                || first_line.is_some()
                || last_line.is_some()
                || each_line_matches.is_some()
                || !contains_lines.is_empty()
                || line_count.is_some();
            need(
                checks,
                "an invariant listing needs at least one check: unordered-lines, first-line, last-line, \
                 each-line-matches, contains-lines or line-count",
            );
            if let Some(re) = each_line_matches {
                need(!re.is_empty(), "`each-line-matches` is empty");
            }
        }
        Behaviour::Panic { panic, .. } => {
            need(!panic.trim().is_empty(), "`panic` (the message) is empty")
        }
        Behaviour::Deadlock { blocked, .. } => {
            need(!blocked.trim().is_empty(), "`blocked` is empty")
        }
        Behaviour::Spin { spinning } => need(!spinning.trim().is_empty(), "`spinning` is empty"),
        Behaviour::Leak {
            leaked,
            leaked_threads,
            stdout,
        } => {
            need(!leaked.trim().is_empty(), "`leaked` is empty");
            need(*leaked_threads >= 1, "`leaked-threads` must be at least 1");
            need(
                !stdout.trim().is_empty(),
                "`stdout` (printed once the work is done) is empty",
            );
        }
        Behaviour::CompileFail { error, message } => {
            need(!message.trim().is_empty(), "`message` is empty");
            if let Some(code) = error {
                let ok = code.len() == 5
                    && code.starts_with('E')
                    && code[1..].bytes().all(|c| c.is_ascii_digit());
                need(ok, "`error` must be a rustc error code such as \"E0373\"");
            }
        }
    }
    d
}

/// Every listing under `root/listings`, sorted by path, or every problem found.
pub fn load_all(root: &Path) -> (Vec<Listing>, Vec<Diagnostic>) {
    let mut listings = Vec::new();
    let mut diags = Vec::new();
    let base = root.join("listings");
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
            let name = file_name(&dir);
            if !dir.join("Cargo.toml").is_file() {
                diags.push(Diagnostic::new(
                    format!("listings/{entry_name}/{name}"),
                    0,
                    "a listing folder without Cargo.toml",
                ));
                continue;
            }
            match load_listing(root, &entry_name, &name) {
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
