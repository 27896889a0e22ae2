//! `shutdown`: a program is sent a real signal once it has printed its trigger line, and must end as declared.
//!
//! Each of [`Limits::runs`] runs (in parallel, each in a shared slot) goes: wait for the trigger line (within the
//! finish limit); wait [`Limits::signal_quiet_ms`] more, during which the program must neither print nor exit (so
//! what follows is printed after the signal, not before it); send the signal to the listing's process itself (the
//! harness runs the built binary, never through `cargo run` or `go run`); then wait up to `within-ms` for the end
//! the declaration states. The whole stdout must be exactly the declared one, and stderr empty unless declared.
//!
//! A program declared to end (an exit status, or death by the signal) is then run once more and sent nothing: it
//! must still be running [`Limits::signal_control_ms`] after its trigger line plus as long as the slowest signalled
//! run took to end. Without that control, a program that printed its trigger, ignored the signal and ended by a
//! timer of its own a moment later would pass.

use super::{Program, Slot, env_for};
use crate::limits::Limits;
use crate::process::{Finished, Running, describe_status};
use crate::report::{Failure, first_difference};
use mdbook_listings::spec::{self, Behaviour, Lang, ShutdownEnd};
use std::os::unix::process::ExitStatusExt;
use std::time::{Duration, Instant};

/// What one run showed, for the evidence.
struct Run {
    /// From the signal to the exit (or to the forced kill).
    after_signal: Duration,
}

/// The declaration, unpacked.
struct Decl<'a> {
    trigger: &'a str,
    signal: &'a str,
    signo: i32,
    stdout: &'a str,
    within: Duration,
    end: ShutdownEnd,
    stderr: Option<&'a str>,
}

fn decl(b: &Behaviour) -> Result<Decl<'_>, Failure> {
    let Behaviour::Shutdown {
        trigger,
        signal,
        stdout,
        within_ms,
        stderr,
        ..
    } = b
    else {
        return Err(Failure::setup(format!(
            "not a shutdown declaration: {}",
            b.class()
        )));
    };
    let signo = spec::signal_number(signal)
        .filter(|_| spec::SHUTDOWN_SIGNALS.iter().any(|(n, _)| n == signal))
        .ok_or_else(|| Failure::setup(format!("`{signal}` is not a signal the harness sends")))?;
    Ok(Decl {
        trigger,
        signal,
        signo,
        stdout,
        within: Duration::from_millis(*within_ms),
        end: b.shutdown_end().expect("a shutdown declaration"),
        stderr: stderr.as_deref(),
    })
}

/// Judges a `shutdown` declaration: every run must pass.
pub fn check(
    program: Program,
    b: &Behaviour,
    lang: Lang,
    limits: &Limits,
) -> Result<String, Failure> {
    let d = decl(b)?;
    let runs: Vec<Result<Run, Failure>> = std::thread::scope(|scope| {
        let d = &d;
        let handles: Vec<_> = (0..limits.runs)
            .map(|_| scope.spawn(move || run_once(program, d, lang, limits)))
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(Failure::setup("a run panicked in the harness")))
            })
            .collect()
    });
    let mut slowest = Duration::ZERO;
    for (i, run) in runs.into_iter().enumerate() {
        let run = run.map_err(|e| e.prefixed(&format!("run {} of {}: ", i + 1, limits.runs)))?;
        slowest = slowest.max(run.after_signal);
    }
    let control = match d.end {
        ShutdownEnd::Sigkill => String::new(),
        _ => {
            let hold = slowest + Duration::from_millis(limits.signal_control_ms);
            control_once(program, &d, lang, limits, hold)?;
            format!(
                "; a run sent no signal was still running {:.2} s after `{}`",
                hold.as_secs_f64(),
                d.trigger
            )
        }
    };
    let end = match d.end {
        ShutdownEnd::Exit(code) => format!("exited with status {code}"),
        ShutdownEnd::KilledBySignal => format!("was ended by {}", d.signal),
        ShutdownEnd::Sigkill => format!(
            "was still running {} ms after {}, and was killed",
            d.within.as_millis(),
            d.signal
        ),
    };
    Ok(format!(
        "after `{}`, sent {}: {end} with the declared output in all {} runs (at most {:.2} s after the signal){control}",
        d.trigger,
        d.signal,
        limits.runs,
        slowest.as_secs_f64()
    ))
}

/// The control run: the same program, sent no signal, must still be running `hold` after its trigger line.
fn control_once(
    program: Program,
    d: &Decl,
    lang: Lang,
    limits: &Limits,
    hold: Duration,
) -> Result<(), Failure> {
    let _slot = Slot::take();
    let mut r = Running::start(program(), env_for(lang), limits)?;
    let deadline = r.started() + Duration::from_millis(limits.finish_within_ms);
    if !r.wait_for_stdout(deadline, |s| after_trigger(s, d.trigger).is_some()) {
        let why = match r.exited() {
            Some(status) => {
                let _ = r.drain();
                format!("ended ({})", describe_status(&status))
            }
            None => {
                r.kill();
                "was still running".to_string()
            }
        };
        return Err(Failure::misbehaved(format!(
            "control run (no signal sent): it {why} without printing the trigger line {:?} within {:.1} s",
            d.trigger,
            limits.finish_within_ms as f64 / 1000.0
        ))
        .with_sections(r.output_sections()));
    }
    let triggered = Instant::now();
    if let Some(status) = r.sleep_until(triggered + hold) {
        let _ = r.drain();
        return Err(Failure::misbehaved(format!(
            "control run (no signal sent): it ended ({}) {:.2} s after printing the trigger line {:?}, though \
             nobody signalled it: the signalled runs may have ended by themselves, not because of {}",
            describe_status(&status),
            triggered.elapsed().as_secs_f64(),
            d.trigger,
            d.signal
        ))
        .with_sections(r.output_sections()));
    }
    r.kill();
    r.sleep_until(Instant::now() + Duration::from_secs(5));
    Ok(())
}

/// The byte offset just past the first whole line equal to `trigger`, if stdout has one.
fn after_trigger(stdout: &str, trigger: &str) -> Option<usize> {
    let mut at = 0;
    for line in stdout.split_inclusive('\n') {
        at += line.len();
        if line.strip_suffix('\n') == Some(trigger) {
            return Some(at);
        }
    }
    None
}

fn run_once(program: Program, d: &Decl, lang: Lang, limits: &Limits) -> Result<Run, Failure> {
    let _slot = Slot::take();
    let mut r = Running::start(program(), env_for(lang), limits)?;
    // 1. The trigger line.
    let deadline = r.started() + Duration::from_millis(limits.finish_within_ms);
    let triggered = r.wait_for_stdout(deadline, |s| after_trigger(s, d.trigger).is_some());
    if !triggered {
        let why = match r.exited() {
            Some(status) => {
                let _ = r.drain();
                format!(
                    "it ended ({}) before printing the trigger line {:?}, so no signal was sent",
                    describe_status(&status),
                    d.trigger
                )
            }
            None => {
                r.kill();
                format!(
                    "it did not print the trigger line {:?} within {:.1} s; it was killed",
                    d.trigger,
                    limits.finish_within_ms as f64 / 1000.0
                )
            }
        };
        return Err(Failure::misbehaved(why).with_sections(r.output_sections()));
    }
    // 2. A quiet moment: nothing more printed, still running.
    if let Some(status) =
        r.sleep_until(Instant::now() + Duration::from_millis(limits.signal_quiet_ms))
    {
        let _ = r.drain();
        return Err(Failure::misbehaved(format!(
            "it ended ({}) right after printing the trigger line {:?}, before the signal was sent: it must wait \
             for the signal",
            describe_status(&status),
            d.trigger
        ))
        .with_sections(r.output_sections()));
    }
    let so_far = r.stdout().text();
    let cut = after_trigger(&so_far, d.trigger).unwrap_or(so_far.len());
    if cut < so_far.len() {
        r.kill();
        return Err(Failure::misbehaved(format!(
            "it printed more after the trigger line {:?} before the signal was sent: the trigger must be the last \
             line it prints before it waits for the signal",
            d.trigger
        ))
        .with("printed after the trigger, before the signal", &so_far[cut..])
        .with_sections(r.output_sections()));
    }
    // 3. The signal, to the process itself.
    r.signal(d.signo);
    let sent = Instant::now();
    let exited = r.sleep_until(sent + d.within);
    let after_signal = sent.elapsed();
    match (&d.end, exited) {
        (ShutdownEnd::Sigkill, Some(status)) => {
            let _ = r.drain();
            return Err(Failure::misbehaved(format!(
                "it ended ({}) {:.2} s after {}; the declaration says it ignores it and is still running {} ms \
                 later, when the test kills it",
                describe_status(&status),
                after_signal.as_secs_f64(),
                d.signal,
                d.within.as_millis()
            ))
            .with_sections(r.output_sections()));
        }
        (ShutdownEnd::Sigkill, None) => {
            r.kill();
            r.sleep_until(Instant::now() + Duration::from_secs(5));
        }
        (_, None) => {
            r.kill();
            r.sleep_until(Instant::now() + Duration::from_secs(5));
            let _ = r.drain();
            return Err(Failure::misbehaved(format!(
                "it was still running {} ms after {} (the declaration says it {} by then); it was killed",
                d.within.as_millis(),
                d.signal,
                match d.end {
                    ShutdownEnd::Exit(code) => format!("exits with status {code}"),
                    _ => format!("is ended by {}", d.signal),
                }
            ))
            .with_sections(r.output_sections()));
        }
        (_, Some(_)) => {}
    }
    r.drain()?;
    let f = Finished {
        status: r.exited().expect("it has ended"),
        stdout: r.stdout(),
        stderr: r.stderr(),
        elapsed: r.started().elapsed(),
    };
    let misbehaved = |reason: String| Failure::misbehaved(reason).with_sections(f.sections());
    let (ok, want) = match d.end {
        ShutdownEnd::Exit(code) => (f.status.code() == Some(code), format!("exit status {code}")),
        ShutdownEnd::KilledBySignal => (
            f.status.signal() == Some(d.signo),
            format!("death by {} (signal {})", d.signal, d.signo),
        ),
        ShutdownEnd::Sigkill => (
            f.status.signal() == Some(spec::SIGKILL.1),
            "death by the test's SIGKILL".to_string(),
        ),
    };
    if !ok {
        return Err(misbehaved(format!(
            "after {} it ended ({}), not with the declared {want}",
            d.signal,
            describe_status(&f.status)
        )));
    }
    let stdout = f.stdout.text();
    if let Some(diff) = first_difference(d.stdout, &stdout) {
        return Err(Failure::misbehaved(format!(
            "its output differs from the declared `stdout` (which runs to its end, past the trigger line {:?})",
            d.trigger
        ))
        .with("difference", diff)
        .with("expected stdout", d.stdout)
        .with_sections(f.sections()));
    }
    let stderr = f.stderr.text();
    match (d.stderr, stderr.is_empty()) {
        (None, true) => {}
        (None, false) => {
            return Err(misbehaved(
                "it wrote to stderr, and the declaration does not state it (declare `stderr` if it is meant)"
                    .into(),
            ));
        }
        (Some(want), _) => {
            if let Some(diff) = first_difference(want, &stderr) {
                return Err(
                    misbehaved("its stderr differs from the declared `stderr`".into())
                        .with("difference", diff),
                );
            }
        }
    }
    Ok(Run { after_signal })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_trigger_is_a_whole_line() {
        use super::after_trigger;
        assert_eq!(after_trigger("a\nready\nb\n", "ready"), Some(8));
        assert_eq!(
            after_trigger("a\nready", "ready"),
            None,
            "not yet a whole line"
        );
        assert_eq!(after_trigger("a\nalready\n", "ready"), None);
        assert_eq!(after_trigger("ready\nready\n", "ready"), Some(6));
    }
}
