//! Judges of programs that never finish: they mostly wait. Each looks at consecutive windows and needs as many
//! agreeing windows to pass as to fail, so a program that waits a while and then exits, or computes a while and then
//! stops, is not mistaken for a stuck one.

use crate::godump;
use crate::limits::Limits;
use crate::process::Running;
use crate::procfs::{self, Sample, Wait, Window};
use crate::report::{Failure, first_difference, same_text};
use std::time::{Duration, Instant};

/// The verdict on one window.
pub enum Verdict {
    Pass(String),
    Fail(String),
    /// An incomplete sample: it proves nothing either way.
    Unknown(String),
}

/// Waits until the program has been alive for `alive_after_ms`.
pub fn wait_alive(r: &mut Running, limits: &Limits) -> Result<(), Failure> {
    let until = r.started() + Duration::from_millis(limits.alive_after_ms);
    if r.sleep_until(until).is_some() {
        return Err(r.exited_early(&format!("within {} ms", limits.alive_after_ms)));
    }
    Ok(())
}

fn take_sample(r: &mut Running) -> Result<Sample, Failure> {
    match procfs::sample(r.pid()) {
        Some(s) if r.exited().is_none() => Ok(s),
        _ => Err(r.exited_early("while being observed")),
    }
}

/// Observes back-to-back windows until `limits.windows` consecutive ones pass (→ Ok with the last evidence) or as
/// many consecutive ones fail (→ Err with their reasons), or no stable verdict comes within `evidence_within_ms`.
pub fn observe(
    r: &mut Running,
    limits: &Limits,
    judge: impl Fn(&Window) -> Verdict,
) -> Result<String, Failure> {
    procfs::available().map_err(Failure::setup)?;
    let deadline = Instant::now() + Duration::from_millis(limits.evidence_within_ms);
    let window = Duration::from_millis(limits.window_ms);
    let mut before = take_sample(r)?;
    let (mut passes, mut fails) = (0u32, Vec::<String>::new());
    let mut last_unknown = String::new();
    while Instant::now() < deadline {
        if r.sleep_until(Instant::now() + window).is_some() {
            return Err(r.exited_early("while being observed"));
        }
        let after = take_sample(r)?;
        let w = Window {
            before,
            after,
            window_ms: limits.window_ms,
        };
        match judge(&w) {
            Verdict::Pass(evidence) => {
                passes += 1;
                fails.clear();
                if passes >= limits.windows {
                    return Ok(format!(
                        "{evidence} ({passes} consecutive {} ms windows)",
                        limits.window_ms
                    ));
                }
            }
            Verdict::Fail(reason) => {
                passes = 0;
                fails.push(reason);
                if fails.len() as u32 >= limits.windows {
                    break;
                }
            }
            Verdict::Unknown(why) => {
                passes = 0;
                last_unknown = why;
            }
        }
        before = w.after;
    }
    let mut reasons: Vec<String> = Vec::new();
    for f in &fails {
        if !reasons.contains(f) {
            reasons.push(f.clone());
        }
    }
    let why = if reasons.is_empty() {
        format!(
            "no stable verdict within {} ms; the last sample was incomplete: {last_unknown}",
            limits.evidence_within_ms
        )
    } else {
        format!(
            "in {} consecutive {} ms windows: {}",
            fails.len(),
            limits.window_ms,
            reasons.join("; or ")
        )
    };
    Err(Failure::misbehaved(why).with_sections(r.output_sections()))
}

/// Threads that are not in an untimed wait, described.
fn not_waiting<'a>(
    s: &'a Sample,
    only: impl Fn(u32) -> bool + 'a,
) -> impl Iterator<Item = String> + 'a {
    s.threads
        .iter()
        .filter(move |t| only(t.tid) && !matches!(t.wait, Wait::Untimed(_)))
        .map(|t| t.to_string())
}

/// Common to deadlock and leak: the watched threads are all in untimed waits, used no CPU and did not switch.
fn stuck_window(w: &Window, watched: impl Fn(u32) -> bool + Copy) -> Result<(), String> {
    let mut problems: Vec<String> = not_waiting(&w.before, watched)
        .chain(not_waiting(&w.after, watched))
        .collect();
    problems.dedup();
    if !problems.is_empty() {
        return Err(format!("not blocked: {}", problems.join(", ")));
    }
    let cpu = w.cpu_ns(|t| watched(t.tid));
    if cpu > 0 {
        return Err(format!(
            "not blocked: it used {:.3} ms of CPU",
            cpu as f64 / 1e6
        ));
    }
    let switched: Vec<String> = w
        .switched()
        .into_iter()
        .filter(|t| watched(t.tid))
        .map(|t| format!("thread {} \"{}\"", t.tid, t.name))
        .collect();
    if !switched.is_empty() {
        return Err(format!(
            "not blocked: {} woke up during the window (a polling loop)",
            switched.join(", ")
        ));
    }
    Ok(())
}

fn incomplete(w: &Window) -> Option<Verdict> {
    if !w.before.complete() || !w.after.complete() {
        return Some(Verdict::Unknown(format!(
            "incomplete sample:{}",
            w.after.describe()
        )));
    }
    None
}

/// The deadlock verdict on one window: every thread in an untimed wait at both looks, the same threads, no CPU,
/// no context switch. An incomplete sample proves nothing.
pub fn deadlock_window(w: &Window) -> Verdict {
    if let Some(v) = incomplete(w) {
        return v;
    }
    if !w.same_threads() {
        return Verdict::Fail("not blocked: threads started or ended".into());
    }
    match stuck_window(w, |_| true) {
        Ok(()) => Verdict::Pass(format!(
            "blocked: {} thread(s) in untimed waits, no CPU, no context switch:{}",
            w.after.threads.len(),
            w.after.describe()
        )),
        Err(e) => Verdict::Fail(e),
    }
}

/// Rust `deadlock`: every thread in an untimed futex or epoll wait, no CPU, no context switch.
pub fn deadlock(r: &mut Running, limits: &Limits, stdout: Option<&str>) -> Result<String, Failure> {
    wait_alive(r, limits)?;
    let evidence = observe(r, limits, deadlock_window)?;
    check_quiet_output(r, stdout)?;
    Ok(evidence)
}

/// A stuck program's output: exactly the declared stdout (or none), nothing on stderr.
fn check_quiet_output(r: &Running, stdout: Option<&str>) -> Result<(), Failure> {
    let out = r.stdout().text();
    if let Some(diff) = first_difference(stdout.unwrap_or(""), &out) {
        return Err(Failure::misbehaved(
            "it is stuck, but its output differs from the declared `stdout`",
        )
        .with("difference", diff)
        .with_sections(r.output_sections()));
    }
    let err = r.stderr().text();
    if !err.is_empty() {
        return Err(Failure::misbehaved("it wrote to stderr").with_sections(r.output_sections()));
    }
    Ok(())
}

/// Waits for a leak listing's declared output. Fails if it differs, the program exits, or it takes too long.
pub fn wait_for_output(r: &mut Running, limits: &Limits, stdout: &str) -> Result<(), Failure> {
    let deadline = r.started() + Duration::from_millis(limits.finish_within_ms);
    let want = stdout.trim_end_matches('\n');
    let settled =
        |out: &str| same_text(stdout, out) || !want.starts_with(out.trim_end_matches('\n'));
    r.wait_for_stdout(deadline, settled);
    let out = r.stdout().text();
    let Some(diff) = first_difference(stdout, &out) else {
        return Ok(());
    };
    if r.exited().is_some() {
        return Err(r.exited_early("before printing its declared output"));
    }
    let reason = if want.starts_with(out.trim_end_matches('\n')) {
        format!(
            "its declared output did not appear within {} ms",
            limits.finish_within_ms
        )
    } else {
        "its output differs from the declared `stdout`".to_string()
    };
    Err(Failure::misbehaved(reason)
        .with("difference", diff)
        .with_sections(r.output_sections()))
}

/// Rust `leak`: after its output, exactly `leaked` threads besides main, all of them and main in untimed waits, no
/// CPU, no context switch.
pub fn leak(
    r: &mut Running,
    limits: &Limits,
    leaked: u32,
    stdout: &str,
) -> Result<String, Failure> {
    wait_for_output(r, limits, stdout)?;
    let main = r.pid();
    let evidence = observe(r, limits, |w| {
        if let Some(v) = incomplete(w) {
            return v;
        }
        let extra = w.after.threads.iter().filter(|t| t.tid != main).count();
        if extra != leaked as usize || !w.same_threads() {
            return Verdict::Fail(format!(
                "{extra} thread(s) besides main are alive, {leaked} declared leaked:{}",
                w.after.describe()
            ));
        }
        match stuck_window(w, |_| true) {
            Ok(()) => Verdict::Pass(format!(
                "leaked: {extra} thread(s) besides main, and main, in untimed waits, no CPU, no context switch:{}",
                w.after.describe()
            )),
            Err(e) => Verdict::Fail(e),
        }
    })?;
    check_quiet_output(r, Some(stdout))?;
    Ok(evidence)
}

/// `spin`: busy in consecutive windows, and still alive and busy after `spin_recheck_ms`.
pub fn spin(r: &mut Running, limits: &Limits) -> Result<String, Failure> {
    wait_alive(r, limits)?;
    // Busy: CPU time grew during the window and a thread is on a CPU or waiting for one (state R, in no system
    // call) at both looks. Not a share of a core: on a loaded machine a spinning thread may get little of one.
    let runnable = |s: &Sample| {
        s.threads
            .iter()
            .any(|t| t.state == 'R' && t.wait == Wait::Running)
    };
    let judge = |w: &Window| {
        let cpu = w.cpu_ns(|_| true) as f64 / 1e6;
        if cpu > 0.0 && runnable(&w.before) && runnable(&w.after) {
            Verdict::Pass(format!(
                "busy: {cpu:.1} ms of CPU in a {} ms window, a thread runnable at both looks",
                w.window_ms
            ))
        } else {
            Verdict::Fail(format!(
                "it does not spin: {cpu:.1} ms of CPU in a {} ms window, and a runnable thread at {} of 2 looks (a \
                 blocked program is a `deadlock`):{}",
                w.window_ms,
                runnable(&w.before) as u8 + runnable(&w.after) as u8,
                w.after.describe()
            ))
        }
    };
    let evidence = observe(r, limits, judge)?;
    if r.sleep_until(Instant::now() + Duration::from_millis(limits.spin_recheck_ms))
        .is_some()
    {
        return Err(r.exited_early(&format!(
            "{} ms after it was seen spinning",
            limits.spin_recheck_ms
        )));
    }
    let once = Limits {
        windows: 1,
        ..*limits
    };
    let again = observe(r, &once, judge).map_err(|e| {
        e.prefixed(&format!(
            "{} ms after it was seen spinning: ",
            limits.spin_recheck_ms
        ))
    })?;
    Ok(format!(
        "{evidence}; {} ms later, {again}",
        limits.spin_recheck_ms
    ))
}

/// Go `deadlock`/`leak`: alive over the windows, then the goroutine dump (SIGQUIT) shows exactly the declared
/// goroutines besides the runtime's.
pub fn go_blocked(
    r: &mut Running,
    limits: &Limits,
    goroutines: &[String],
    stdout: Option<&str>,
) -> Result<String, Failure> {
    match stdout {
        Some(out) => wait_for_output(r, limits, out)?,
        None => wait_alive(r, limits)?,
    }
    stay_alive(r, limits)?;
    check_quiet_output(r, stdout)?;
    let dump = dump(r)?;
    let mut got: Vec<String> = godump::goroutines(&dump)
        .iter()
        .filter_map(godump::Goroutine::declared_form)
        .collect();
    let mut want = goroutines.to_vec();
    got.sort();
    want.sort();
    if got != want {
        return Err(Failure::misbehaved(format!(
            "the goroutine dump shows other blocked goroutines than declared: {got:?}, declared {want:?}"
        ))
        .with("goroutine dump", dump));
    }
    Ok(format!(
        "goroutines blocked as declared: {}",
        got.join("; ")
    ))
}

/// The program stays alive for `windows` windows.
fn stay_alive(r: &mut Running, limits: &Limits) -> Result<(), Failure> {
    let span = Duration::from_millis(limits.window_ms * limits.windows as u64);
    if r.sleep_until(Instant::now() + span).is_some() {
        return Err(r.exited_early("while being observed"));
    }
    Ok(())
}

/// Asks the Go runtime for its goroutine dump (SIGQUIT with GOTRACEBACK=all), and returns it.
fn dump(r: &mut Running) -> Result<String, Failure> {
    r.signal(libc::SIGQUIT);
    if r.sleep_until(Instant::now() + Duration::from_secs(10))
        .is_none()
    {
        return Err(Failure::setup(
            "the Go program did not exit on SIGQUIT within 10 s",
        ));
    }
    let _ = r.drain();
    let text = r.stderr().text();
    if !text.contains("goroutine ") {
        return Err(Failure::setup("no goroutine dump on stderr after SIGQUIT")
            .with_sections(r.output_sections()));
    }
    Ok(text)
}

/// Go `spin`: busy like a Rust spin, and the goroutine dump shows a running or runnable goroutine of the program.
pub fn go_spin(r: &mut Running, limits: &Limits) -> Result<String, Failure> {
    let evidence = spin(r, limits)?;
    let dump = dump(r)?;
    // A goroutine running on another thread shows no stack, only where the program started it.
    let busy = godump::goroutines(&dump).into_iter().find_map(|g| {
        let at = g.location.clone().or_else(|| g.created_at.clone())?;
        (g.reason == "running" || g.reason == "runnable").then_some((g, at))
    });
    match busy {
        Some((g, at)) => Ok(format!(
            "{evidence}; goroutine {} [{}] at {at}",
            g.id, g.reason
        )),
        None => Err(Failure::misbehaved(
            "it used CPU, but the goroutine dump shows no running or runnable goroutine in the program",
        )
        .with("goroutine dump", dump)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::procfs::ThreadObs;

    fn thread(tid: u32) -> ThreadObs {
        ThreadObs {
            tid,
            name: "t".into(),
            state: 'S',
            cpu_ns: 1000,
            voluntary_switches: 3,
            wait: Wait::Untimed("futex"),
        }
    }

    #[test]
    fn an_incomplete_sample_never_passes() {
        let full = Sample {
            threads: vec![thread(1), thread(2)],
            missing: vec![],
        };
        let w = Window {
            before: full.clone(),
            after: full.clone(),
            window_ms: 400,
        };
        assert!(matches!(deadlock_window(&w), Verdict::Pass(_)));
        // Thread 2 could not be read: the blocked thread 1 alone proves nothing.
        let partial = Sample {
            threads: vec![thread(1)],
            missing: vec!["thread 2: stat: gone".into()],
        };
        let w = Window {
            before: full,
            after: partial,
            window_ms: 400,
        };
        assert!(matches!(deadlock_window(&w), Verdict::Unknown(_)));
    }
}
