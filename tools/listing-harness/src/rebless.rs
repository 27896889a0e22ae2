//! Re-blessing (`LISTINGS=overwrite`): a failing listing's declared output is rewritten from what one run of it
//! printed. Which keys may be rewritten, and how the manifest keeps its formatting, is
//! [`mdbook_listings::rebless`]; this module runs the program once and writes the new value only if the run,
//! judged against the declaration with that value, passes — so a re-bless never papers over a crash, an undeclared
//! stderr or a wrong exit status. The caller re-checks the re-loaded listing with every run.

use crate::judge::{self, finishing};
use crate::process::Finished;
use crate::report::Failure;
use crate::{Context, command_in};
use mdbook_listings::rebless;
use mdbook_listings::spec::{self, Behaviour, Listing};

/// What one run of a finishing listing printed.
#[derive(Debug, Clone)]
pub struct Observed {
    /// Its whole stdout.
    pub stdout: String,
    /// The message of the panic that ended it, as a `panic` declaration states it; `None` if it did not die of a
    /// panic.
    pub panic: Option<String>,
    /// The run, to judge a candidate declaration against.
    pub run: Finished,
}

impl Observed {
    /// The observed value of a key that re-blessing may rewrite (see [`rebless::field`]).
    pub fn value(&self, field: &str) -> Result<&str, String> {
        match field {
            "stdout" | "unordered-lines" => Ok(&self.stdout),
            "panic" => self
                .panic
                .as_deref()
                .ok_or_else(|| "it did not die of a panic".to_string()),
            other => Err(format!("`{other}` is not a key re-blessing writes")),
        }
    }
}

/// A re-blessed listing.
#[derive(Debug, Clone)]
pub struct Reblessed {
    /// "re-blessed `stdout` in listings/j05/x/Cargo.toml (review the diff)".
    pub message: String,
    /// The listing as declared now (loaded again from its manifest).
    pub listing: Listing,
}

/// `b` with the re-blessable `field` set to `value`.
fn with_field(b: &Behaviour, field: &str, value: &str) -> Result<Behaviour, String> {
    let mut b = b.clone();
    match (&mut b, field) {
        (Behaviour::Output { stdout, .. }, "stdout") => *stdout = value.to_string(),
        (
            Behaviour::Invariant {
                unordered_lines: Some(lines),
                ..
            },
            "unordered-lines",
        ) => *lines = value.to_string(),
        (Behaviour::Panic { panic, .. }, "panic") => *panic = value.to_string(),
        (b, field) => {
            return Err(format!(
                "a {} listing has no `{field}` to re-bless",
                b.class()
            ));
        }
    }
    Ok(b)
}

impl Context {
    /// Runs a listing that finishes once and says what it printed. Only the classes whose output re-blessing may
    /// write are observed (`output`, `invariant`, `panic`); a cut capture is refused rather than written.
    pub fn observe(&self, l: &Listing) -> Result<Observed, String> {
        let who = format!("listing {} ({})", l.package, l.manifest());
        let b = &l.behaviour;
        if !matches!(
            b,
            Behaviour::Output { .. } | Behaviour::Invariant { .. } | Behaviour::Panic { .. }
        ) {
            return Err(format!(
                "{who}: a {} listing is not observed for re-blessing",
                b.class()
            ));
        }
        let observed = || -> Result<Observed, Failure> {
            let exe = self.executable(l)?;
            let run = judge::run_once(&command_in(exe, l), l.lang, &self.limits)?;
            if run.stdout.dropped() > 0 {
                return Err(Failure::misbehaved(format!(
                    "it printed {} bytes, more than the harness keeps: too much to declare",
                    run.stdout.total
                )));
            }
            let caught = match b {
                Behaviour::Output { panics, .. }
                | Behaviour::Invariant { panics, .. }
                | Behaviour::Panic { panics, .. } => panics.as_slice(),
                _ => &[],
            };
            Ok(Observed {
                stdout: run.stdout.text(),
                panic: finishing::fatal_panic(&run, l.lang, caught),
                run,
            })
        };
        observed().map_err(|f| f.render(&who))
    }

    /// Re-blesses a failing listing: observes one run, and if that run passes the declaration with the observed
    /// value, writes the value into the manifest and loads the listing again. Refuses every class but `output`,
    /// `invariant` with `unordered-lines` and `panic`, and a run that would still fail (saying why). Whether
    /// re-blessing was requested, and allowed (not on CI), is the caller's question ([`rebless::requested`]).
    pub fn rebless(&self, l: &Listing) -> Result<Reblessed, String> {
        let field = rebless::field(&l.behaviour).map_err(|e| format!("{}: {e}", l.manifest()))?;
        let seen = self.observe(l)?;
        let value = seen
            .value(field)
            .map_err(|e| format!("{}: {e}", l.manifest()))?;
        let candidate = with_field(&l.behaviour, field, value)?;
        if let Err(f) = judge::judge_finished(&candidate, l.lang, &seen.run) {
            return Err(f.render(&format!(
                "{}: with the observed `{field}`, the run still fails",
                l.manifest()
            )));
        }
        let message = rebless::rebless_listing(l, value)?;
        let (entry, name) = l
            .rel
            .split_once('/')
            .ok_or_else(|| format!("{}: not an entry/name listing", l.rel))?;
        let listing = spec::load_listing(&self.root, entry, name).map_err(|d| {
            let lines: Vec<String> = d.iter().map(|d| format!("  {d}")).collect();
            format!(
                "{message}, but the manifest no longer loads:\n{}",
                lines.join("\n")
            )
        })?;
        Ok(Reblessed { message, listing })
    }
}
