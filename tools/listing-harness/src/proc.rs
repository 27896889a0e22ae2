//! What Linux says about a running process's threads: state, wait channel, CPU time.

use std::fmt;
use std::path::Path;

/// One thread of a process, as `/proc/<pid>/task/<tid>` shows it.
#[derive(Debug, Clone)]
pub struct ThreadSample {
    pub tid: u32,
    /// R running, S sleeping (interruptible), D uninterruptible, Z zombie, …
    pub state: char,
    /// The kernel function the thread waits in, e.g. `futex_do_wait`, `hrtimer_nanosleep`, `do_epoll_wait`.
    pub wchan: String,
    /// User + system CPU time in clock ticks.
    pub cpu_ticks: u64,
}

impl ThreadSample {
    /// Is the thread waiting in a timed sleep rather than on a lock, channel, join or I/O?
    pub fn is_sleeping(&self) -> bool {
        self.wchan.contains("nanosleep")
    }

    /// Is the thread parked in the kernel, waiting for something other than a timer?
    pub fn is_blocked(&self) -> bool {
        matches!(self.state, 'S' | 'D') && !self.is_sleeping()
    }
}

impl fmt::Display for ThreadSample {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let wchan = if self.wchan.is_empty() || self.wchan == "0" {
            "-"
        } else {
            &self.wchan
        };
        write!(
            f,
            "thread {} state {} waiting in {}",
            self.tid, self.state, wchan
        )
    }
}

/// The clock-tick length `/proc` uses for CPU times (USER_HZ is 100 on every Linux architecture).
pub const TICK_MS: u64 = 10;

/// Samples every thread of `pid`. `None` if the process is gone.
pub fn sample(pid: u32) -> Option<Vec<ThreadSample>> {
    let task = format!("/proc/{pid}/task");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&task).ok()?.flatten() {
        let Ok(tid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let dir = entry.path();
        let Some((state, cpu_ticks)) = read_stat(&dir) else {
            continue;
        };
        let wchan = std::fs::read_to_string(dir.join("wchan"))
            .unwrap_or_default()
            .trim()
            .to_string();
        out.push(ThreadSample {
            tid,
            state,
            wchan,
            cpu_ticks,
        });
    }
    out.sort_by_key(|t| t.tid);
    Some(out)
}

fn read_stat(dir: &Path) -> Option<(char, u64)> {
    let stat = std::fs::read_to_string(dir.join("stat")).ok()?;
    // "tid (comm) S ppid …": the command may contain spaces and parentheses, so split after the last ')'.
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let state = fields.first()?.chars().next()?;
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some((state, utime + stime))
}

/// Total CPU ticks of the threads in `b` that also appear in `a`, minus their ticks in `a`; threads that appeared
/// in between count in full.
pub fn cpu_delta(a: &[ThreadSample], b: &[ThreadSample]) -> u64 {
    b.iter()
        .map(|t| {
            let before = a.iter().find(|x| x.tid == t.tid).map_or(0, |x| x.cpu_ticks);
            t.cpu_ticks.saturating_sub(before)
        })
        .sum()
}

pub fn describe(threads: &[ThreadSample]) -> String {
    threads.iter().map(|t| format!("\n    {t}")).collect()
}
