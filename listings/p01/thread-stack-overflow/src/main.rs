//! Rust threads have fixed stacks: overflowing one aborts the whole process. To observe the
//! abort and still finish cleanly, the listing runs itself as a child process.
use std::os::unix::process::ExitStatusExt;
use std::process::Command;
use std::thread;

// ANCHOR: child
/// Each call keeps a 1 KiB array alive, so the recursion needs about 1 KiB per level.
fn descend(n: u64) -> u64 {
    let frame = std::hint::black_box([n as u8; 1024]);
    if n == 0 {
        return 0;
    }
    descend(n - 1) + u64::from(frame[0] & 1)
}

fn child() {
    let small = thread::Builder::new()
        .name("small-stack".into())
        .stack_size(64 * 1024) // 64 KiB, fixed for the thread's lifetime
        .spawn(|| descend(1_000)) // about 1 MiB of frames
        .expect("spawn");
    let result = small.join();
    // Never reached: the overflow aborted the process, not just the thread.
    println!("after the overflow: {result:?}");
}
// ANCHOR_END: child

// ANCHOR: parent
fn main() {
    if std::env::args().nth(1).as_deref() == Some("child") {
        return child();
    }
    let exe = std::env::current_exe().expect("own path");
    let out = Command::new(exe)
        .arg("child")
        .output()
        .expect("run the child");
    println!("child exited normally: {}", out.status.code().is_some());
    let abort = out.status.signal() == Some(libc::SIGABRT);
    println!("child killed by signal 6 (SIGABRT): {abort}");
    for line in String::from_utf8_lossy(&out.stderr).lines() {
        if !line.is_empty() {
            println!("child's stderr: {}", hide_thread_id(line));
        }
    }
    let printed = String::from_utf8_lossy(&out.stdout).contains("after the overflow");
    println!("child printed the line after the overflow: {printed}");

    // The same recursion fits in a bigger stack: the size is fixed, not the limit.
    let big = thread::Builder::new()
        .stack_size(4 * 1024 * 1024)
        .spawn(|| descend(1_000));
    let odd = big.expect("spawn").join().expect("no overflow");
    println!("the same recursion on a 4 MiB stack returns: {odd}");
}
// ANCHOR_END: parent

/// Rust 1.95 prints the thread's id, `thread 'small-stack' (20317) has…`, which differs on
/// every run: replace the number so that the output is the same each time.
fn hide_thread_id(line: &str) -> String {
    match (line.find("' ("), line.find(") has")) {
        (Some(open), Some(close)) if open < close => {
            format!("{}' (<tid>{}", &line[..open], &line[close..])
        }
        _ => line.to_string(),
    }
}
