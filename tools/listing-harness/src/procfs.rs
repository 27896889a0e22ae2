//! The Linux observer: what `/proc/<pid>/task/<tid>` says about each thread of a running program, read as raw bytes
//! (a thread name cut mid-UTF-8 must not hide a thread), returned as typed observations.
//!
//! Linux only: elsewhere [`available`] says so and every stuck-process check fails with "needs Linux /proc".

use std::fmt;
use std::path::Path;

/// Is `/proc` there to observe threads?
pub fn available() -> Result<(), String> {
    if cfg!(target_os = "linux") && Path::new("/proc/self/task").is_dir() {
        Ok(())
    } else {
        Err("the stuck-process checks need Linux /proc (this harness runs on Linux only)".into())
    }
}

/// Clock ticks per second of the CPU times in `/proc/<pid>/stat`.
pub fn clk_tck() -> u64 {
    // SAFETY: sysconf has no preconditions.
    let t = unsafe { libc::sysconf(libc::_SC_CLK_TCK) };
    if t > 0 { t as u64 } else { 100 }
}

/// What a thread is waiting in, from `/proc/<pid>/task/<tid>/syscall`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wait {
    /// `futex` wait with a NULL timeout, or `epoll_wait`/`epoll_pwait` with timeout −1 (`epoll_pwait2` with a
    /// NULL timeout): it waits until another thread or the kernel wakes it, for ever if none does. Also a
    /// blocking read from a TCP connection whose other end belongs to the same process, with no receive timeout
    /// ([`socket_read`]): only the program itself can end that wait.
    Untimed(&'static str),
    /// A wait with a timeout: it wakes up by itself.
    Timed(String),
    /// Another system call, by name (`accept`, `read`, `clock_nanosleep`, …).
    Other(String),
    /// On a CPU (`running`), or stopped outside a system call.
    Running,
}

impl fmt::Display for Wait {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Wait::Untimed(s) => write!(f, "an untimed {s}"),
            Wait::Timed(s) => write!(f, "{s} with a timeout"),
            Wait::Other(s) => write!(f, "the system call {s}"),
            Wait::Running => write!(f, "no system call (running)"),
        }
    }
}

/// One thread at one instant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThreadObs {
    pub tid: u32,
    /// The thread name as the kernel keeps it (15 bytes, possibly cut inside a UTF-8 character).
    pub name: String,
    /// R running, S sleeping, D uninterruptible, Z zombie, …
    pub state: char,
    /// CPU time in nanoseconds (`schedstat`; from the clock ticks of `stat` where it is missing).
    pub cpu_ns: u64,
    pub voluntary_switches: u64,
    pub wait: Wait,
}

impl fmt::Display for ThreadObs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "thread {} \"{}\" (state {}) waits in {}",
            self.tid, self.name, self.state, self.wait
        )
    }
}

/// Every thread of a process at one instant. `missing` lists threads that were listed but could not be read (they
/// exited, or /proc refused): such a sample is incomplete and never proves anything.
#[derive(Debug, Clone, Default)]
pub struct Sample {
    pub threads: Vec<ThreadObs>,
    pub missing: Vec<String>,
}

impl Sample {
    pub fn complete(&self) -> bool {
        self.missing.is_empty() && !self.threads.is_empty()
    }

    pub fn describe(&self) -> String {
        let mut s: String = self.threads.iter().map(|t| format!("\n    {t}")).collect();
        for m in &self.missing {
            s += &format!("\n    unreadable: {m}");
        }
        s
    }
}

/// Samples every thread of `pid`; `None` if the process is gone.
pub fn sample(pid: u32) -> Option<Sample> {
    let task = format!("/proc/{pid}/task");
    let entries = std::fs::read_dir(&task).ok()?;
    let mut s = Sample::default();
    for entry in entries.flatten() {
        let Some(tid) = entry
            .file_name()
            .to_str()
            .and_then(|t| t.parse::<u32>().ok())
        else {
            continue;
        };
        match read_thread(pid, &entry.path(), tid) {
            Ok(t) => s.threads.push(t),
            Err(e) => s.missing.push(format!("thread {tid}: {e}")),
        }
    }
    s.threads.sort_by_key(|t| t.tid);
    Some(s)
}

fn read_thread(pid: u32, dir: &Path, tid: u32) -> Result<ThreadObs, String> {
    let read = |f: &str| std::fs::read(dir.join(f)).map_err(|e| format!("{f}: {e}"));
    let stat = read("stat")?;
    let (name, state, cpu_ticks) = parse_stat(&stat).ok_or("stat: unexpected format")?;
    let cpu_ns = std::fs::read(dir.join("schedstat"))
        .ok()
        .and_then(|s| {
            std::str::from_utf8(&s)
                .ok()?
                .split_ascii_whitespace()
                .next()?
                .parse::<u64>()
                .ok()
        })
        .unwrap_or(cpu_ticks * 1_000_000_000 / clk_tck());
    let status = read("status")?;
    let voluntary_switches = parse_status_field(&status, b"voluntary_ctxt_switches:")
        .ok_or("status: no voluntary_ctxt_switches")?;
    let syscall = read("syscall")?;
    let mut wait = parse_syscall(&syscall).ok_or("syscall: unexpected format")?;
    if let Wait::Other(name) = &wait
        && let Some(w) = socket_read(pid, name, &syscall)
    {
        wait = w;
    }
    Ok(ThreadObs {
        tid,
        name,
        state,
        cpu_ns,
        voluntary_switches,
        wait,
    })
}

/// Parses `/proc/<tid>/stat`: "tid (comm) S ppid …". The name may contain spaces, parentheses and bytes that are not
/// UTF-8, so the fields are found after the last ')'.
pub fn parse_stat(stat: &[u8]) -> Option<(String, char, u64)> {
    let open = stat.iter().position(|&b| b == b'(')?;
    let close = stat.iter().rposition(|&b| b == b')')?;
    let name = String::from_utf8_lossy(stat.get(open + 1..close)?).into_owned();
    let rest = std::str::from_utf8(stat.get(close + 1..)?).ok()?;
    let fields: Vec<&str> = rest.split_ascii_whitespace().collect();
    let state = fields.first()?.chars().next()?;
    let utime: u64 = fields.get(11)?.parse().ok()?;
    let stime: u64 = fields.get(12)?.parse().ok()?;
    Some((name, state, utime + stime))
}

fn parse_status_field(status: &[u8], key: &[u8]) -> Option<u64> {
    status
        .split(|&b| b == b'\n')
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| std::str::from_utf8(v).ok())
        .and_then(|v| v.trim().parse().ok())
}

/// Parses `/proc/<tid>/syscall`: "running", "-1 sp pc" (blocked outside a system call) or "nr a0 … a5 sp pc".
pub fn parse_syscall(text: &[u8]) -> Option<Wait> {
    let text = std::str::from_utf8(text).ok()?;
    let mut fields = text.split_ascii_whitespace();
    let first = fields.next()?;
    if first == "running" {
        return Some(Wait::Running);
    }
    let nr: i64 = first.parse().ok()?;
    if nr < 0 {
        return Some(Wait::Running);
    }
    let args: Vec<u64> = fields
        .take(6)
        .map(|a| u64::from_str_radix(a.trim_start_matches("0x"), 16))
        .collect::<Result<_, _>>()
        .ok()?;
    let arg = |i: usize| args.get(i).copied().unwrap_or(0);
    Some(classify(nr, arg(1), arg(3)))
}

const FUTEX_CMD_MASK: u64 = !(libc::FUTEX_PRIVATE_FLAG as u64 | libc::FUTEX_CLOCK_REALTIME as u64);

/// Classifies a system call from its number, its second argument and its fourth (the timeout of `futex` and of
/// the `epoll_wait` family).
fn classify(nr: i64, arg1: u64, arg3: u64) -> Wait {
    let name = syscall_name(nr);
    match name {
        "futex" => {
            let op = (arg1 & FUTEX_CMD_MASK) as i32;
            let waits = [
                libc::FUTEX_WAIT,
                libc::FUTEX_WAIT_BITSET,
                libc::FUTEX_LOCK_PI,
                libc::FUTEX_WAIT_REQUEUE_PI,
            ];
            if !waits.contains(&op) {
                Wait::Other(format!("futex (operation {op})"))
            } else if arg3 == 0 {
                Wait::Untimed("futex")
            } else {
                Wait::Timed("futex".into())
            }
        }
        "epoll_wait" | "epoll_pwait" => {
            if arg3 as u32 as i32 == -1 {
                Wait::Untimed("epoll_wait")
            } else {
                Wait::Timed(name.into())
            }
        }
        "epoll_pwait2" => {
            if arg3 == 0 {
                Wait::Untimed("epoll_wait")
            } else {
                Wait::Timed(name.into())
            }
        }
        "" => Wait::Other(format!("system call {nr}")),
        other => Wait::Other(other.into()),
    }
}

/// The name of a system call number on this architecture ("" if it is not one the harness names).
#[allow(clippy::unnecessary_cast)] // `c_long` is `i64` here, `i32` on 32-bit targets.
pub fn syscall_name(nr: i64) -> &'static str {
    #[cfg(target_arch = "x86_64")]
    let arch: &[(libc::c_long, &str)] = &[
        (libc::SYS_epoll_wait, "epoll_wait"),
        (libc::SYS_nanosleep, "nanosleep"),
        (libc::SYS_poll, "poll"),
        (libc::SYS_select, "select"),
        (libc::SYS_accept, "accept"),
        (libc::SYS_pause, "pause"),
        (libc::SYS_wait4, "wait4"),
    ];
    #[cfg(not(target_arch = "x86_64"))]
    let arch: &[(libc::c_long, &str)] = &[];
    let common: &[(libc::c_long, &str)] = &[
        (libc::SYS_futex, "futex"),
        (libc::SYS_epoll_pwait, "epoll_pwait"),
        (libc::SYS_clock_nanosleep, "clock_nanosleep"),
        (libc::SYS_accept4, "accept4"),
        (libc::SYS_read, "read"),
        (libc::SYS_readv, "readv"),
        (libc::SYS_write, "write"),
        (libc::SYS_recvfrom, "recvfrom"),
        (libc::SYS_recvmsg, "recvmsg"),
        (libc::SYS_connect, "connect"),
        (libc::SYS_ppoll, "ppoll"),
        (libc::SYS_pselect6, "pselect6"),
        (libc::SYS_waitid, "waitid"),
        (libc::SYS_rt_sigtimedwait, "rt_sigtimedwait"),
        (libc::SYS_rt_sigsuspend, "rt_sigsuspend"),
        (libc::SYS_sched_yield, "sched_yield"),
    ];
    let extra: &[(i64, &str)] = &[(441, "epoll_pwait2"), (449, "futex_waitv")];
    arch.iter()
        .chain(common)
        .map(|&(n, s)| (n as i64, s))
        .chain(extra.iter().copied())
        .find(|&(n, _)| n == nr)
        .map_or("", |(_, s)| s)
}

/// Refines a blocking `read`, `readv`, `recvfrom` or `recvmsg` (first argument: the descriptor). It is an untimed
/// wait, as final as a futex with no timeout, when all of these hold:
/// - the descriptor is a socket, in blocking mode (`O_NONBLOCK` clear in `/proc/<pid>/fdinfo`);
/// - it has no receive timeout: `SO_RCVTIMEO` is zero, read from a duplicate of the descriptor that `pidfd_getfd`
///   gives the harness (Linux 5.6 or later; where that is refused the read stays "another system call");
/// - it is a TCP connection whose other end is the process's own: some socket of the process (the accepted end,
///   or the listener whose queue holds it) is bound to the connection's remote address (`/proc/<pid>/net/tcp`);
/// - that listener, if it is one, has no `SO_REUSEPORT` (else another process's listener on the same port may have
///   taken the connection);
/// - the process has no child process (a child may have inherited the other end, and could write to it).
///
/// A receive timeout makes it a timed wait; anything else (a pipe, a socket to another process, a process with
/// children) stays `Other`. One way out remains that `/proc` cannot show: a descriptor passed to an unrelated
/// process over a Unix socket (`SCM_RIGHTS`); a listing that does that is not a deadlock listing.
pub fn socket_read(pid: u32, name: &str, syscall: &[u8]) -> Option<Wait> {
    if !matches!(name, "read" | "readv" | "recvfrom" | "recvmsg") {
        return None;
    }
    let fd: i32 = std::str::from_utf8(syscall)
        .ok()?
        .split_ascii_whitespace()
        .nth(1)
        .and_then(|a| i32::from_str_radix(a.trim_start_matches("0x"), 16).ok())?;
    let link = std::fs::read_link(format!("/proc/{pid}/fd/{fd}")).ok()?;
    let inode = socket_inode(link.to_str()?)?;
    let fdinfo = std::fs::read_to_string(format!("/proc/{pid}/fdinfo/{fd}")).ok()?;
    let flags = fdinfo
        .lines()
        .find_map(|l| l.strip_prefix("flags:"))
        .and_then(|f| i32::from_str_radix(f.trim(), 8).ok())?;
    if flags & libc::O_NONBLOCK != 0 {
        return None;
    }
    if receive_timeout(pid, fd)? {
        return Some(Wait::Timed(format!("{name} on a socket")));
    }
    if has_children(pid)? {
        return None;
    }
    own_tcp_peer(pid, inode)?.then_some(Wait::Untimed("read from a TCP connection to itself"))
}

/// Does process `pid` have a child process (`/proc/<pid>/task/<tid>/children`, any thread)? `None` if the
/// harness cannot tell.
fn has_children(pid: u32) -> Option<bool> {
    for task in std::fs::read_dir(format!("/proc/{pid}/task")).ok()? {
        let children = std::fs::read_to_string(task.ok()?.path().join("children")).ok()?;
        if !children.trim().is_empty() {
            return Some(true);
        }
    }
    Some(false)
}

/// `socket:[12345]` → 12345.
fn socket_inode(link: &str) -> Option<u64> {
    link.strip_prefix("socket:[")?
        .strip_suffix(']')?
        .parse()
        .ok()
}

/// Reads the `SOL_SOCKET` option `opt` of socket `fd` of process `pid` into a `T`, through a duplicate of the
/// descriptor from `pidfd_getfd`. `None` if the harness cannot.
fn socket_option<T: Default>(pid: u32, fd: i32, opt: libc::c_int) -> Option<T> {
    // SAFETY: plain system calls on integers; `value` is a `T` of the size passed, and every descriptor opened
    // here is closed before returning.
    unsafe {
        let pidfd = libc::syscall(libc::SYS_pidfd_open, pid as libc::pid_t, 0) as i32;
        if pidfd < 0 {
            return None;
        }
        let dup = libc::syscall(libc::SYS_pidfd_getfd, pidfd, fd, 0) as i32;
        libc::close(pidfd);
        if dup < 0 {
            return None;
        }
        let mut value = T::default();
        let mut len = std::mem::size_of::<T>() as libc::socklen_t;
        let r = libc::getsockopt(
            dup,
            libc::SOL_SOCKET,
            opt,
            (&raw mut value).cast(),
            &mut len,
        );
        libc::close(dup);
        (r == 0 && len as usize == std::mem::size_of::<T>()).then_some(value)
    }
}

/// `struct timeval`, for [`socket_option`].
#[repr(C)]
#[derive(Default)]
struct Timeval {
    sec: libc::time_t,
    usec: libc::suseconds_t,
}

/// Does the socket `fd` of process `pid` have a receive timeout? `None` if the harness cannot tell.
fn receive_timeout(pid: u32, fd: i32) -> Option<bool> {
    let t: Timeval = socket_option(pid, fd, libc::SO_RCVTIMEO)?;
    Some(t.sec != 0 || t.usec != 0)
}

/// Is socket `inode` a TCP connection whose remote address is bound by another socket of the same process (and,
/// if that socket is a listener, one without `SO_REUSEPORT`)?
fn own_tcp_peer(pid: u32, inode: u64) -> Option<bool> {
    // The process's sockets: inode → descriptor.
    let own: std::collections::HashMap<u64, i32> = std::fs::read_dir(format!("/proc/{pid}/fd"))
        .ok()?
        .flatten()
        .filter_map(|e| {
            let ino = socket_inode(std::fs::read_link(e.path()).ok()?.to_str()?)?;
            Some((ino, e.file_name().to_str()?.parse().ok()?))
        })
        .collect();
    // Rows of /proc/<pid>/net/tcp{,6}: "sl local rem st … inode …", addresses as hex "ADDR:PORT", the state
    // in hex (0A: listening).
    let mut rows: Vec<(String, String, String, u64)> = Vec::new();
    for table in ["tcp", "tcp6"] {
        let Ok(text) = std::fs::read_to_string(format!("/proc/{pid}/net/{table}")) else {
            continue;
        };
        for line in text.lines().skip(1) {
            let f: Vec<&str> = line.split_ascii_whitespace().collect();
            if let (Some(local), Some(remote), Some(st), Some(ino)) =
                (f.get(1), f.get(2), f.get(3), f.get(9))
            {
                rows.push((
                    local.to_string(),
                    remote.to_string(),
                    st.to_string(),
                    ino.parse().ok()?,
                ));
            }
        }
    }
    let (_, remote, _, _) = rows.iter().find(|r| r.3 == inode)?;
    Some(rows.iter().any(|(local, _, st, ino)| {
        local == remote
            && *ino != inode
            && own.get(ino).is_some_and(|&fd| {
                st != "0A" || socket_option::<libc::c_int>(pid, fd, libc::SO_REUSEPORT) == Some(0)
            })
    }))
}

/// Two samples of the same process, one window apart.
#[derive(Debug, Clone)]
pub struct Window {
    pub before: Sample,
    pub after: Sample,
    pub window_ms: u64,
}

impl Window {
    /// CPU time used by the threads of `after` during the window (a thread born in between counts in full), in
    /// nanoseconds.
    pub fn cpu_ns(&self, only: impl Fn(&ThreadObs) -> bool) -> u64 {
        self.after
            .threads
            .iter()
            .filter(|t| only(t))
            .map(|t| {
                let before = self.before.threads.iter().find(|x| x.tid == t.tid);
                t.cpu_ns.saturating_sub(before.map_or(0, |x| x.cpu_ns))
            })
            .sum()
    }

    /// Threads that switched voluntarily during the window (woke up and went back to sleep), or that appeared.
    pub fn switched(&self) -> Vec<&ThreadObs> {
        self.after
            .threads
            .iter()
            .filter(|t| {
                self.before
                    .threads
                    .iter()
                    .find(|x| x.tid == t.tid)
                    .is_none_or(|x| x.voluntary_switches != t.voluntary_switches)
            })
            .collect()
    }

    /// Did the set of threads change?
    pub fn same_threads(&self) -> bool {
        let ids = |s: &Sample| s.threads.iter().map(|t| t.tid).collect::<Vec<_>>();
        ids(&self.before) == ids(&self.after)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_cut_inside_a_character_is_still_a_thread() {
        // "éééééééé" is 16 bytes; the kernel keeps 15, cutting the last é in half.
        let mut stat = b"4242 (".to_vec();
        stat.extend_from_slice("ééééééé".as_bytes());
        stat.push(0xc3);
        stat.extend_from_slice(b") R 1 4242 4242 0 -1 4194560 100 0 0 0 37 5 0 0 20 0 2 0 1 1 1\n");
        let (name, state, ticks) = parse_stat(&stat).expect("parsed");
        assert!(name.starts_with("ééééééé"));
        assert_eq!((state, ticks), ('R', 42));
    }

    #[test]
    fn syscalls_are_classified_by_their_timeout() {
        let futex = libc::SYS_futex;
        let wait_bitset = libc::FUTEX_WAIT_BITSET | libc::FUTEX_PRIVATE_FLAG;
        let untimed = format!("{futex} 0x7f 0x{wait_bitset:x} 0x2 0x0 0x0 0xffffffff 0x7ffd 0x7f");
        assert_eq!(
            parse_syscall(untimed.as_bytes()),
            Some(Wait::Untimed("futex"))
        );
        let timed =
            format!("{futex} 0x7f 0x{wait_bitset:x} 0x2 0x7ffd1000 0x0 0xffffffff 0x7ffd 0x7f");
        assert_eq!(
            parse_syscall(timed.as_bytes()),
            Some(Wait::Timed("futex".into()))
        );
        let epoll = libc::SYS_epoll_pwait;
        let forever = format!("{epoll} 0x3 0x7f 0x400 0xffffffff 0x0 0x8 0x7ffd 0x7f");
        assert_eq!(
            parse_syscall(forever.as_bytes()),
            Some(Wait::Untimed("epoll_wait"))
        );
        let soon = format!("{epoll} 0x3 0x7f 0x400 0x3e8 0x0 0x8 0x7ffd 0x7f");
        assert!(matches!(
            parse_syscall(soon.as_bytes()),
            Some(Wait::Timed(_))
        ));
        let accept = format!(
            "{} 0x3 0x0 0x0 0x80000 0x0 0x0 0x7ffd 0x7f",
            libc::SYS_accept4
        );
        assert_eq!(
            parse_syscall(accept.as_bytes()),
            Some(Wait::Other("accept4".into()))
        );
        assert_eq!(parse_syscall(b"running\n"), Some(Wait::Running));
    }
}
