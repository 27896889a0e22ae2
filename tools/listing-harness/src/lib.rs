//! Turns a listing's declared behaviour into a test.
//!
//! The harness is split by concern:
//! - [`cargo`] and [`go`]: builds, keyed by configuration (one nested `cargo build` for the Rust listings; `go
//!   build`, `go build -race` and `go vet` per Go listing, cached in the target dir);
//! - [`process`]: process control (own process group, death with the test process, clean environment, bounded
//!   capture, deadlines for exit and for the end of output);
//! - [`procfs`] and [`godump`]: observers that return typed observations (Linux `/proc`; the Go runtime's own
//!   reports);
//! - [`judge`]: one judge per behaviour class;
//! - [`report`]: the typed failure (setup error or misbehaving listing) and its rendering, with a first-difference
//!   diff that shows whitespace;
//! - [`limits`]: every time limit and count, injectable;
//! - [`rebless`]: `LISTINGS=overwrite`, which writes one run's output into a failing listing's declaration.
//!
//! Linux only: the stuck-process judges read `/proc`.

#[cfg(not(target_os = "linux"))]
compile_error!(
    "the listing harness needs Linux /proc (it watches stuck programs there): run the book's tests on Linux"
);

pub mod cargo;
pub mod go;
pub mod godump;
pub mod judge;
pub mod limits;
pub mod process;
pub mod procfs;
pub mod rebless;
pub mod report;

pub use cargo::{Artifacts, CompilerError};
pub use judge::finishing::judge_invariant;
pub use limits::{LIMITS, Limits};
pub use rebless::{Observed, Reblessed};
pub use report::Failure;

use mdbook_listings::spec::{Behaviour, Lang, Listing};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use std::sync::atomic::Ordering;

/// The result of a check that did not fail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The evidence.
    Passed(String),
    /// Not checked, and why (a Go listing without a Go toolchain, outside CI).
    Skipped(String),
}

/// Everything the checks of one run share: where the book and its target dir are, the limits, the Rust build, the Go
/// toolchain.
pub struct Context {
    pub root: PathBuf,
    pub target: PathBuf,
    pub limits: Limits,
    rust: Artifacts,
    go: OnceLock<Result<go::Toolchain, go::Missing>>,
}

/// The cargo target dir of the book at `root`.
pub fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .map(|p| if p.is_absolute() { p } else { root.join(p) })
        .unwrap_or_else(|| root.join("target"))
}

impl Context {
    /// Builds the Rust listings among `listings` (one nested `cargo build`), then the Go ones (a few at a time),
    /// so that no compiler competes with the runs whose time is measured. A Go build that fails here is left to
    /// the listing's own check, which builds it again (from the cache) and reports it.
    pub fn new(root: &Path, listings: &[Listing], limits: Limits) -> Context {
        let rust = if listings.iter().any(|l| l.lang == Lang::Rust) {
            cargo::build(root, listings)
        } else {
            Artifacts::default()
        };
        let ctx = Context {
            root: root.to_path_buf(),
            target: target_dir(root),
            limits,
            rust,
            go: OnceLock::new(),
        };
        let go: Vec<&Listing> = listings.iter().filter(|l| l.lang == Lang::Go).collect();
        if let (false, Ok(t)) = (go.is_empty(), ctx.go()) {
            let next = std::sync::atomic::AtomicUsize::new(0);
            let workers = std::thread::available_parallelism().map_or(2, |n| n.get());
            std::thread::scope(|s| {
                for _ in 0..workers {
                    s.spawn(|| {
                        while let Some(l) = go.get(next.fetch_add(1, Ordering::Relaxed)) {
                            if !matches!(l.behaviour, Behaviour::Vet { .. }) {
                                let _ = go_executable(t, l);
                            }
                        }
                    });
                }
            });
        }
        ctx
    }

    /// The Go toolchain, looked up once.
    pub fn go(&self) -> &Result<go::Toolchain, go::Missing> {
        self.go.get_or_init(|| go::find(&self.target))
    }

    /// Checks one listing against its declaration. The error is the whole message, naming the listing.
    pub fn check(&self, l: &Listing) -> Result<Outcome, String> {
        let who = format!("listing {} ({})", l.package, l.manifest());
        let r = match l.lang {
            Lang::Rust => self.check_rust(l).map(Outcome::Passed),
            Lang::Go => self.check_go(l),
        };
        r.map_err(|f| f.render(&who))
    }

    fn check_rust(&self, l: &Listing) -> Result<String, Failure> {
        let a = &self.rust;
        if let Some(f) = &a.failure {
            return Err(Failure::setup(f.clone()));
        }
        let errors = a
            .errors
            .get(&l.package)
            .map(Vec::as_slice)
            .unwrap_or_default();
        if let Behaviour::CompileFail { .. } = l.behaviour {
            return judge::compile::rust(
                &l.behaviour,
                a.executables.contains_key(&l.package),
                errors,
            );
        }
        let exe = self.rust_executable(l)?;
        judge::check_program(&command_in(exe, l), &l.behaviour, Lang::Rust, &self.limits)
    }

    /// The built program of a Rust listing that compiles.
    fn rust_executable(&self, l: &Listing) -> Result<PathBuf, Failure> {
        let a = &self.rust;
        if let Some(f) = &a.failure {
            return Err(Failure::setup(f.clone()));
        }
        a.executables.get(&l.package).cloned().ok_or_else(|| {
            let errors = a
                .errors
                .get(&l.package)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let shown: String = errors.iter().map(|e| e.rendered.clone()).collect();
            Failure::misbehaved("it did not compile").with("compiler errors", shown)
        })
    }

    /// The built program of a listing, in the build its declaration is judged with.
    pub(crate) fn executable(&self, l: &Listing) -> Result<PathBuf, Failure> {
        match l.lang {
            Lang::Rust => self.rust_executable(l),
            Lang::Go => match self.go() {
                Ok(t) => go_executable(t, l),
                Err(go::Missing(why)) => {
                    Err(Failure::setup(format!("{why}: {}", go::how_to_enable())))
                }
            },
        }
    }

    fn check_go(&self, l: &Listing) -> Result<Outcome, Failure> {
        let t = match self.go() {
            Ok(t) => t,
            Err(go::Missing(why)) if !go::required() => return Ok(Outcome::Skipped(why.clone())),
            Err(go::Missing(why)) => {
                return Err(Failure::setup(format!(
                    "{why}; CI is set, so a missing Go toolchain fails: {}",
                    go::how_to_enable()
                )));
            }
        };
        check_go_listing(t, l, &self.limits).map(Outcome::Passed)
    }
}

/// Checks a Go listing with a given toolchain (the self-tests call this with fixture programs).
pub fn check_go_listing(
    t: &go::Toolchain,
    l: &Listing,
    limits: &Limits,
) -> Result<String, Failure> {
    let b = &l.behaviour;
    match b {
        Behaviour::Vet { check, message } => {
            let out = go::vet(t, l).map_err(Failure::setup)?;
            return judge::compile::vet(&out, check, message);
        }
        Behaviour::CompileFail { message, line, .. } => {
            let built = go::build(t, l, go::Mode::Plain).map_err(Failure::setup)?;
            let failed = match &built {
                go::Built::Failed(text) => Some(text.as_str()),
                go::Built::Binary(_) => None,
            };
            return judge::compile::go(failed, message, *line);
        }
        _ => {}
    }
    let exe = go_executable(t, l)?;
    judge::check_program(&command_in(exe, l), b, Lang::Go, limits)
}

/// Builds a Go listing the way its declaration is judged: with `-race` when it declares a race.
fn go_executable(t: &go::Toolchain, l: &Listing) -> Result<PathBuf, Failure> {
    let race = match &l.behaviour {
        Behaviour::Race { .. } => true,
        Behaviour::Outcomes { outcomes, .. } => {
            outcomes.iter().any(|o| matches!(o, Behaviour::Race { .. }))
        }
        _ => false,
    };
    let mode = if race {
        go::Mode::Race
    } else {
        go::Mode::Plain
    };
    match go::build(t, l, mode).map_err(Failure::setup)? {
        go::Built::Binary(exe) => Ok(exe),
        go::Built::Failed(text) => {
            Err(Failure::misbehaved("`go build` failed").with("go build", text))
        }
    }
}

/// The command that runs `exe` in the listing's directory.
fn command_in(exe: PathBuf, l: &Listing) -> impl Fn() -> Command + Sync + use<> {
    let dir = l.dir.clone();
    move || {
        let mut c = Command::new(&exe);
        c.current_dir(&dir);
        c
    }
}

/// Judges a program against a declaration, with the book's limits (or the given ones): the entry point of the
/// self-tests.
pub fn check_program(
    program: judge::Program,
    b: &Behaviour,
    lang: Lang,
    limits: &Limits,
) -> Result<String, Failure> {
    judge::check_program(program, b, lang, limits)
}
