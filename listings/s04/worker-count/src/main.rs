use std::process::Command;
use std::thread::available_parallelism;

// ANCHOR: body
/// Builds a multi-thread runtime with tokio's defaults and compares its
/// worker count with the CPUs std sees.
fn report() {
    let workers = tokio::runtime::Runtime::new()
        .unwrap()
        .metrics()
        .num_workers();
    let cpus = available_parallelism().unwrap().get();
    match (workers == cpus, cpus) {
        (true, 1) => println!("workers = available_parallelism() = 1"),
        (true, _) => println!("workers = available_parallelism()"),
        (false, _) => println!("{workers} workers, available_parallelism() {cpus}"),
    }
}

/// Runs this program again as a child, with an extra environment variable
/// and optionally under `taskset`.
fn run(label: &str, mode: &str, env: Option<(&str, &str)>, pin_to_cpu0: bool) {
    let me = std::env::current_exe().unwrap();
    let mut cmd = if pin_to_cpu0 {
        Command::new("taskset")
    } else {
        Command::new(&me)
    };
    if pin_to_cpu0 {
        cmd.args(["-c", "0"]).arg(&me);
    }
    cmd.arg(mode).env_remove("TOKIO_WORKER_THREADS");
    if let Some((key, value)) = env {
        cmd.env(key, value);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    print!(
        "{:<43}{}",
        format!("{label}:"),
        String::from_utf8(out.stdout).unwrap()
    );
}

fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("child") => return report(),
        Some("builder") => return builder(),
        _ => {}
    }
    run("default", "child", None, false);
    run("pinned to CPU 0 by taskset", "child", None, true);
    let three = Some(("TOKIO_WORKER_THREADS", "3"));
    run(
        "TOKIO_WORKER_THREADS=3, pinned to CPU 0",
        "child",
        three,
        true,
    );
    run(
        "worker_threads(5), TOKIO_WORKER_THREADS=3",
        "builder",
        three,
        false,
    );
}

/// A count passed to the builder, with the environment variable also set.
fn builder() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(5)
        .build()
        .unwrap();
    println!("{} workers", rt.metrics().num_workers());
}
// ANCHOR_END: body
