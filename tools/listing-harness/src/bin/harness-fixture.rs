//! Small programs with known behaviour, used only to prove that the harness can tell the classes apart and that
//! each loophole it closes stays closed. Not book listings.

use std::io::Write;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

fn spin_for(d: Option<Duration>) {
    let start = Instant::now();
    let mut n: u64 = 0;
    while d.is_none_or(|d| start.elapsed() < d) {
        n = std::hint::black_box(n.wrapping_add(1));
    }
}

/// Blocks the calling thread for ever in an untimed futex wait.
fn block_forever() -> ! {
    loop {
        thread::park();
    }
}

/// Kills this process with SIGALRM after `ms` (the default action), whatever its threads are doing.
fn alarm_after(ms: u64) {
    let t = libc::itimerval {
        it_interval: libc::timeval {
            tv_sec: 0,
            tv_usec: 0,
        },
        it_value: libc::timeval {
            tv_sec: (ms / 1000) as libc::time_t,
            tv_usec: ((ms % 1000) * 1000) as libc::suseconds_t,
        },
    };
    // SAFETY: setitimer with a valid itimerval and no old value.
    unsafe {
        libc::setitimer(libc::ITIMER_REAL, &t, std::ptr::null_mut());
    }
}

/// Blocks `signo` in this thread (and the threads it starts), so it can be taken with `sigwait`.
fn block_signal(signo: i32) -> libc::sigset_t {
    // SAFETY: the set is initialised by sigemptyset before use; pthread_sigmask with a valid set.
    unsafe {
        let mut set: libc::sigset_t = std::mem::zeroed();
        libc::sigemptyset(&mut set);
        libc::sigaddset(&mut set, signo);
        libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut());
        set
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mode = args.get(1).map(String::as_str).unwrap_or_default();
    match mode {
        "print" => println!("hello\nworld"),
        "print-trailing-blank" => print!("hello\nworld\n\n\n"),
        "print-trailing-space" => println!("hello \nworld"),
        "print-stderr" => {
            println!("hello\nworld");
            eprintln!("careful");
        }
        "env" => {
            let mut names: Vec<String> = std::env::vars().map(|(k, _)| k).collect();
            names.sort();
            for n in names {
                println!("{n}");
            }
        }
        "shuffle" => {
            let mut lines = ["b", "c", "a"];
            if std::process::id().is_multiple_of(2) {
                lines.reverse();
            }
            for l in lines {
                println!("{l}");
            }
            println!("end");
        }
        "silent" => {}
        "panic" => panic!("boom"),
        "worker-panics" => {
            // An unjoined worker panics; main still exits with status 0.
            let _ = thread::spawn(|| panic!("worker failed")).join();
            println!("hello\nworld");
        }
        "drop-after-panic" => {
            struct Loud;
            impl Drop for Loud {
                fn drop(&mut self) {
                    eprintln!("cleaning up");
                }
            }
            let _ = thread::spawn(|| panic!("first")).join();
            let _guard = Loud;
            panic!("boom");
        }
        "slow-print" => {
            thread::sleep(Duration::from_millis(args[2].parse().unwrap()));
            println!("hello\nworld");
        }
        "descendant" => {
            // A child that inherits stdout and outlives us: never waited for, on purpose.
            #[allow(clippy::zombie_processes)]
            std::process::Command::new("sleep")
                .arg("30")
                .spawn()
                .unwrap();
            println!("hello\nworld");
        }
        "flood" => {
            let line = [b'x'; 1023];
            let mut out = std::io::stdout().lock();
            for _ in 0..50_000 {
                out.write_all(&line).unwrap();
                out.write_all(b"\n").unwrap();
            }
        }
        "third-run-fails" => {
            // Deterministic "1 run in N fails": the third run (by a counter in a directory) prints something else.
            let dir = std::path::Path::new(&args[2]);
            let mut n = 1;
            while std::fs::create_dir(dir.join(n.to_string())).is_err() {
                n += 1;
            }
            println!(
                "{}",
                if n == 3 {
                    "lost update"
                } else {
                    "hello\nworld"
                }
            );
        }
        "deadlock" => {
            // The main thread waits to join a thread that waits on a channel whose sender is kept alive.
            let (tx, rx) = mpsc::channel::<()>();
            let waiter = thread::spawn(move || rx.recv());
            println!("waiting");
            let _ = waiter.join();
            drop(tx);
        }
        "deadlock-then-exit" => {
            // Untimed waits for 1.5 s, then the process is killed by its alarm: not a deadlock.
            alarm_after(1500);
            block_forever();
        }
        "park-timeout-loop" => loop {
            thread::park_timeout(Duration::from_secs(1));
        },
        "recv-timeout" => {
            let (_tx, rx) = mpsc::channel::<()>();
            let _ = rx.recv_timeout(Duration::from_secs(5));
        }
        "recv-poll" => {
            let (_tx, rx) = mpsc::channel::<()>();
            while rx.recv_timeout(Duration::from_millis(1)).is_err() {}
        }
        "tokio-sleep" => {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap()
                .block_on(async { tokio::time::sleep(Duration::from_secs(3600)).await });
        }
        "tokio-idle" => {
            // A runtime with no timers whose only task waits on a channel nobody sends to.
            let (_tx, mut rx) = tokio::sync::mpsc::channel::<()>(1);
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .unwrap()
                .block_on(async move { rx.recv().await });
        }
        "accept" => {
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            let _ = l.accept();
        }
        "socket-read-self"
        | "socket-read-timeout"
        | "socket-read-other"
        | "socket-read-shared"
        | "socket-read-reuseport" => {
            // A blocking read from a TCP connection whose other end is held, silent, by this process; with a
            // receive timeout; whose other end is another process (a child `sleep` holds the listener); whose
            // listener a child shares; or whose listener has SO_REUSEPORT, so another process could share its port.
            use std::io::Read;
            use std::os::fd::AsRawFd;
            let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
            let mut c = std::net::TcpStream::connect(l.local_addr().unwrap()).unwrap();
            if mode == "socket-read-reuseport" {
                let one: libc::c_int = 1;
                // SAFETY: setsockopt on our own listener, with an int of the size passed.
                unsafe {
                    libc::setsockopt(
                        l.as_raw_fd(),
                        libc::SOL_SOCKET,
                        libc::SO_REUSEPORT,
                        (&raw const one).cast(),
                        std::mem::size_of::<libc::c_int>() as libc::socklen_t,
                    );
                }
            }
            if mode == "socket-read-shared" {
                // SAFETY: clears FD_CLOEXEC on our own listener, so that the child inherits it.
                unsafe { libc::fcntl(l.as_raw_fd(), libc::F_SETFD, 0) };
                #[allow(clippy::zombie_processes)] // killed with us; never waited for, on purpose
                std::process::Command::new("sleep")
                    .arg("30")
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .unwrap();
            }
            if mode == "socket-read-timeout" {
                c.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
            }
            let mut listener = Some(l);
            if mode == "socket-read-other" {
                let l = listener.take().unwrap();
                // SAFETY: clears FD_CLOEXEC on our own listener, so that the child inherits it.
                unsafe { libc::fcntl(l.as_raw_fd(), libc::F_SETFD, 0) };
                #[allow(clippy::zombie_processes)] // killed with us; never waited for, on purpose
                std::process::Command::new("sleep")
                    .arg("30")
                    .stdout(std::process::Stdio::null())
                    .stderr(std::process::Stdio::null())
                    .spawn()
                    .unwrap();
            }
            let _ = c.read(&mut [0u8; 1]);
            drop(listener);
        }
        "sleep" => thread::sleep(Duration::from_secs(60)),
        "busy-named-thread" => {
            // A busy thread whose 15-byte kernel name ends inside a UTF-8 character, while main is blocked.
            let busy = thread::spawn(|| {
                let mut name = "ééééééé".as_bytes().to_vec();
                name.extend_from_slice(&[0xc3, 0]);
                // SAFETY: a NUL-terminated name for the calling thread.
                unsafe {
                    libc::prctl(libc::PR_SET_NAME, name.as_ptr() as libc::c_ulong, 0, 0, 0);
                }
                spin_for(None);
            });
            let _ = busy.join();
        }
        "spin" => spin_for(None),
        "spin-for" => spin_for(Some(Duration::from_millis(args[2].parse().unwrap()))),
        "spin-then-block" => {
            spin_for(Some(Duration::from_millis(700)));
            block_forever();
        }
        "leak" | "leak-extra" | "leak-main-spins" | "leak-exits" => {
            let n = if mode == "leak-extra" { 3 } else { 2 };
            let mut keep = Vec::new();
            for _ in 0..n {
                let (tx, rx) = mpsc::channel::<()>();
                keep.push(tx);
                thread::spawn(move || rx.recv());
            }
            println!("work done");
            match mode {
                "leak-main-spins" => spin_for(None),
                "leak-exits" => thread::sleep(Duration::from_secs(2)),
                _ => block_forever(),
            }
        }
        "supervise" => {
            // Starts a spinning program the way the harness does, prints its pid, and waits to be killed.
            let mut cmd = std::process::Command::new(&args[0]);
            cmd.arg("spin");
            let r = listing_harness::process::Running::start(cmd, &[], &listing_harness::LIMITS)
                .unwrap();
            println!("{}", r.pid());
            std::io::stdout().flush().unwrap();
            block_forever();
        }
        // `shutdown` fixtures: `await-signal <signo> <exit status> [chatty]` waits for that signal (blocked, then
        // taken with sigwait), prints what it drained and exits with the status; `chatty` prints its last line
        // before the signal.
        "await-signal" => {
            let signo: i32 = args[2].parse().unwrap();
            let code: i32 = args[3].parse().unwrap();
            let chatty = args.get(4).is_some_and(|a| a == "chatty");
            let set = block_signal(signo);
            println!("starting\nready");
            if chatty {
                println!("drained 2 jobs");
            }
            let mut got = 0;
            // SAFETY: `set` is an initialised sigset holding `signo`, blocked in every thread.
            unsafe { libc::sigwait(&set, &mut got) };
            if !chatty {
                println!("drained 2 jobs");
            }
            std::io::stdout().flush().unwrap();
            std::process::exit(code);
        }
        "ignore-signal" => {
            // SAFETY: SIG_IGN for SIGTERM, before any other thread exists.
            unsafe { libc::signal(libc::SIGTERM, libc::SIG_IGN) };
            println!("starting\nready");
            block_forever();
        }
        "no-handler" => {
            println!("starting\nready");
            block_forever();
        }
        "never-ready" => {
            println!("starting");
            block_forever();
        }
        "exit-before-ready" => println!("starting"),
        // Holds SIGTERM pending (blocked, never taken), and ends by a timer of its own after `<ms>`: the signal
        // plays no part, which only the judge's control run can tell.
        "exit-unprompted" => {
            block_signal(libc::SIGTERM);
            println!("starting\nready");
            std::io::stdout().flush().unwrap();
            thread::sleep(Duration::from_millis(args[2].parse().unwrap()));
            println!("drained 2 jobs");
        }
        "slow-drain" => {
            let set = block_signal(libc::SIGTERM);
            println!("starting\nready");
            let mut got = 0;
            // SAFETY: as in await-signal.
            unsafe { libc::sigwait(&set, &mut got) };
            thread::sleep(Duration::from_millis(args[2].parse().unwrap()));
            println!("drained 2 jobs");
        }
        other => panic!("unknown fixture mode {other:?}"),
    }
}
