//! Process control: every program runs in its own process group with a clean environment, dies with the test
//! process, has its output captured in bounded memory, and can be waited for with a deadline (its exit, new output,
//! or the end of its output).

use crate::limits::Limits;
use crate::report::Failure;
use std::io::Read;
use std::os::unix::process::{CommandExt, ExitStatusExt};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

/// The only variables of the tester's environment a listing sees. Everything else (`TOKIO_WORKER_THREADS`,
/// `RUSTC`, `RUST_BACKTRACE`, `GOMAXPROCS`, …) would change what it does or prints.
pub const ENV_ALLOWED: &[&str] = &["PATH", "HOME", "TMPDIR", "USER", "LANG", "LC_ALL"];

/// The head and tail of one output stream, with a count of the bytes in between that were dropped.
#[derive(Debug, Default, Clone)]
pub struct Stream {
    head: Vec<u8>,
    tail: Vec<u8>,
    /// All bytes received.
    pub total: u64,
    /// The write end is closed (every holder exited or closed it).
    pub closed: bool,
}

impl Stream {
    fn push(&mut self, mut data: &[u8], cap: usize) {
        self.total += data.len() as u64;
        let room = cap.saturating_sub(self.head.len());
        let (h, rest) = data.split_at(room.min(data.len()));
        self.head.extend_from_slice(h);
        data = rest;
        if data.is_empty() {
            return;
        }
        self.tail.extend_from_slice(data);
        // Keep at most `cap` bytes of tail; drop in bulk so a flood costs amortised O(1) per byte.
        if self.tail.len() > 2 * cap {
            let drop = self.tail.len() - cap;
            self.tail.drain(..drop);
        }
    }

    /// How many bytes were received but not kept.
    pub fn dropped(&self) -> u64 {
        let kept_tail = self.tail.len().min(self.head.len());
        self.total - (self.head.len() + kept_tail) as u64
    }

    /// The captured text; a cut is shown as a line saying how many bytes were left out.
    pub fn text(&self) -> String {
        let mut s = String::from_utf8_lossy(&self.head).into_owned();
        let kept_tail = self.tail.len().min(self.head.len());
        let dropped = self.dropped();
        if dropped > 0 {
            s += &format!("\n[… {dropped} bytes not kept …]\n");
        }
        s += &String::from_utf8_lossy(&self.tail[self.tail.len() - kept_tail..]);
        s
    }
}

#[derive(Debug, Default)]
struct State {
    stdout: Stream,
    stderr: Stream,
    status: Option<ExitStatus>,
    exited_at: Option<Instant>,
}

#[derive(Default)]
struct Shared {
    state: Mutex<State>,
    changed: Condvar,
}

/// A program that was started. Dropping it kills its whole process group.
pub struct Running {
    pid: u32,
    started: Instant,
    shared: Arc<Shared>,
    readers: Vec<thread::JoinHandle<()>>,
    limits: Limits,
}

/// A program that ran to its end.
#[derive(Debug, Clone)]
pub struct Finished {
    pub status: ExitStatus,
    pub stdout: Stream,
    pub stderr: Stream,
    /// From start to exit.
    pub elapsed: Duration,
}

/// An exit status in words: "exit status 0", "killed by signal 9".
pub fn describe_status(s: &ExitStatus) -> String {
    match (s.code(), s.signal()) {
        (Some(c), _) => format!("exit status {c}"),
        (None, Some(sig)) => format!("killed by signal {sig}"),
        _ => s.to_string(),
    }
}

impl Running {
    /// Starts `cmd` with stdin closed, stdout and stderr captured, the environment reduced to [`ENV_ALLOWED`] plus
    /// `env`, in a new process group, and with `PR_SET_PDEATHSIG(SIGKILL)` so it dies with the thread that started
    /// it (keep that thread alive while the program should run).
    pub fn start(
        mut cmd: Command,
        env: &[(&str, &str)],
        limits: &Limits,
    ) -> Result<Running, Failure> {
        let kept: Vec<(String, String)> = ENV_ALLOWED
            .iter()
            .filter_map(|k| std::env::var(k).ok().map(|v| (k.to_string(), v)))
            .collect();
        cmd.env_clear()
            .envs(kept)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0);
        let parent = std::process::id() as libc::pid_t;
        // SAFETY: prctl and getppid are async-signal-safe; nothing is allocated between fork and exec.
        unsafe {
            cmd.pre_exec(move || {
                if libc::prctl(
                    libc::PR_SET_PDEATHSIG,
                    libc::SIGKILL as libc::c_ulong,
                    0,
                    0,
                    0,
                ) != 0
                {
                    return Err(std::io::Error::last_os_error());
                }
                // The parent may have died before prctl: then nobody would kill us.
                if libc::getppid() != parent {
                    libc::_exit(111);
                }
                Ok(())
            });
        }
        let started = Instant::now();
        let mut child = cmd
            .spawn()
            .map_err(|e| Failure::setup(format!("cannot start {:?}: {e}", cmd.get_program())))?;
        let pid = child.id();
        let shared = Arc::new(Shared::default());
        let cap = limits.capture_bytes;
        let mut readers = Vec::new();
        let pipes: [(Box<dyn Read + Send>, bool); 2] = [
            (Box::new(child.stdout.take().expect("piped stdout")), true),
            (Box::new(child.stderr.take().expect("piped stderr")), false),
        ];
        for (mut pipe, is_stdout) in pipes {
            let shared = Arc::clone(&shared);
            readers.push(thread::spawn(move || {
                let mut chunk = vec![0u8; 64 * 1024];
                loop {
                    let n = match pipe.read(&mut chunk) {
                        Ok(0) | Err(_) => 0,
                        Ok(n) => n,
                    };
                    let mut st = shared.state.lock().unwrap();
                    let stream = if is_stdout {
                        &mut st.stdout
                    } else {
                        &mut st.stderr
                    };
                    if n == 0 {
                        stream.closed = true;
                    } else {
                        stream.push(&chunk[..n], cap);
                    }
                    drop(st);
                    shared.changed.notify_all();
                    if n == 0 {
                        break;
                    }
                }
            }));
        }
        {
            let shared = Arc::clone(&shared);
            // The waiter owns the child: it reaps it as soon as it exits and wakes everyone waiting.
            thread::spawn(move || {
                let status = child.wait();
                let mut st = shared.state.lock().unwrap();
                st.status = Some(status.unwrap_or_else(|_| ExitStatus::from_raw(-1)));
                st.exited_at = Some(Instant::now());
                drop(st);
                shared.changed.notify_all();
            });
        }
        Ok(Running {
            pid,
            started,
            shared,
            readers,
            limits: *limits,
        })
    }

    pub fn pid(&self) -> u32 {
        self.pid
    }

    pub fn started(&self) -> Instant {
        self.started
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.shared.state.lock().unwrap()
    }

    /// The exit status, if the program has exited.
    pub fn exited(&self) -> Option<ExitStatus> {
        self.state().status
    }

    /// Waits until `done` holds for the captured state or `deadline` passes; wakes on every change (new output,
    /// end of output, exit). Returns whether `done` held.
    fn wait_until(&self, deadline: Instant, done: impl Fn(&State) -> bool) -> bool {
        let mut st = self.state();
        loop {
            if done(&st) {
                return true;
            }
            let now = Instant::now();
            if now >= deadline {
                return false;
            }
            st = self
                .shared
                .changed
                .wait_timeout(st, deadline - now)
                .unwrap()
                .0;
        }
    }

    /// Sleeps until `deadline`, or until the program exits. Returns its status if it exited.
    pub fn sleep_until(&self, deadline: Instant) -> Option<ExitStatus> {
        self.wait_until(deadline, |s| s.status.is_some());
        self.exited()
    }

    /// Waits until stdout satisfies `done`, the program exits, or `deadline` passes. Returns whether `done` held.
    pub fn wait_for_stdout(&self, deadline: Instant, done: impl Fn(&str) -> bool) -> bool {
        // Decoding the head only: the declared output of a leak listing is short, and `done` sees at most
        // `capture_bytes`, so a flood is not re-decoded in full at every wake-up.
        let ok = self.wait_until(deadline, |s| {
            s.status.is_some() || done(&String::from_utf8_lossy(&s.stdout.head))
        });
        ok && done(&self.stdout().text())
    }

    pub fn stdout(&self) -> Stream {
        self.state().stdout.clone()
    }

    pub fn stderr(&self) -> Stream {
        self.state().stderr.clone()
    }

    /// Kills the whole process group.
    pub fn kill(&self) {
        // SAFETY: kill(2) with a negative pid signals the group this program leads; the pid is ours and
        // has not been reused while the waiter has not reaped it, and after that the group is gone or empty.
        unsafe {
            libc::kill(-(self.pid as libc::pid_t), libc::SIGKILL);
        }
    }

    /// Sends `sig` to the program itself (not its group).
    pub fn signal(&self, sig: libc::c_int) {
        if self.exited().is_none() {
            // SAFETY: the child has not been reaped, so the pid is still the child's.
            unsafe {
                libc::kill(self.pid as libc::pid_t, sig);
            }
        }
    }

    /// Waits up to `limit` (from the start) for the program to exit and for its output to end. A program still
    /// running is killed; output held open by a descendant after the exit is reported as such.
    pub fn finish(mut self, limit: Duration) -> Result<Finished, Failure> {
        let deadline = self.started + limit;
        if self.sleep_until(deadline).is_none() {
            self.kill();
            self.sleep_until(Instant::now() + Duration::from_secs(5));
            let shown = self.output_sections();
            return Err(Failure::misbehaved(format!(
                "it was still running after {:.1} s and was killed: a finishing listing must be done within {:.1} s",
                self.started.elapsed().as_secs_f64(),
                limit.as_secs_f64()
            ))
            .with_sections(shown));
        }
        self.drain()?;
        let st = self.state();
        let status = st.status.expect("exited");
        let elapsed = st.exited_at.expect("exited") - self.started;
        let f = Finished {
            status,
            stdout: st.stdout.clone(),
            stderr: st.stderr.clone(),
            elapsed,
        };
        drop(st);
        if elapsed > limit {
            return Err(Failure::misbehaved(format!(
                "it took {:.2} s: a finishing listing must be done within {:.1} s",
                elapsed.as_secs_f64(),
                limit.as_secs_f64()
            ))
            .with_sections(f.sections()));
        }
        Ok(f)
    }

    /// After the program exited: waits (up to the drain limit) until both output streams are closed, so the
    /// output is complete. A descendant that keeps them open is killed with the group, and it is an error.
    pub fn drain(&mut self) -> Result<(), Failure> {
        let deadline = Instant::now() + Duration::from_millis(self.limits.drain_within_ms);
        let closed = self.wait_until(deadline, |s| s.stdout.closed && s.stderr.closed);
        self.kill();
        if !closed {
            // The group is killed; give the readers a moment to see the end, but never wait on them unboundedly.
            self.wait_until(Instant::now() + Duration::from_secs(2), |s| {
                s.stdout.closed && s.stderr.closed
            });
            return Err(Failure::misbehaved(format!(
                "it exited ({}), but a descendant kept stdout or stderr open for more than {} ms; it was killed",
                self.exited().map_or("?".into(), |s| describe_status(&s)),
                self.limits.drain_within_ms
            ))
            .with_sections(self.output_sections()));
        }
        for r in self.readers.drain(..) {
            let _ = r.join();
        }
        Ok(())
    }

    /// The output so far, for a message.
    pub fn output_sections(&self) -> Vec<(String, String)> {
        let st = self.state();
        vec![
            ("stdout".into(), st.stdout.text()),
            ("stderr".into(), st.stderr.text()),
        ]
    }

    /// "it finished (exit status 0) <when>; it was expected to keep running", with its output.
    pub fn exited_early(&mut self, when: &str) -> Failure {
        let _ = self.drain();
        let status = self.exited().map_or("?".into(), |s| describe_status(&s));
        Failure::misbehaved(format!(
            "it finished ({status}) {when}; it was expected to keep running"
        ))
        .with_sections(self.output_sections())
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.kill();
    }
}

impl Finished {
    /// The status and output, for a message.
    pub fn sections(&self) -> Vec<(String, String)> {
        vec![
            ("exit".into(), describe_status(&self.status)),
            ("stdout".into(), self.stdout.text()),
            ("stderr".into(), self.stderr.text()),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::Stream;

    #[test]
    fn a_flood_keeps_its_head_and_tail_and_counts_the_rest() {
        let mut s = Stream::default();
        for i in 0..1000u32 {
            s.push(format!("{i:04}\n").as_bytes(), 50);
        }
        let text = s.text();
        assert!(text.starts_with("0000\n0001\n"), "{text}");
        assert!(text.ends_with("0998\n0999\n"), "{text}");
        assert_eq!(s.total, 5000);
        assert_eq!(s.dropped(), 5000 - 100);
        assert!(text.contains("[… 4900 bytes not kept …]"), "{text}");
        let mut small = Stream::default();
        small.push(b"hello\n", 50);
        assert_eq!(small.text(), "hello\n");
        assert_eq!(small.dropped(), 0);
    }
}
