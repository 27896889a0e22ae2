use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep, sleep_until};

const REQUESTS: u64 = 40;
const EVERY_MS: u64 = 2; // one arrival every 2 ms: 500 per second
const SERVICE_MS: u64 = 10;

// ANCHOR: stage
/// Runs the stage with `permits` slots; returns each request's (arrival, departure)
/// in ms since the start.
async fn run_stage(permits: usize) -> Vec<(u64, u64)> {
    let sem = Arc::new(Semaphore::new(permits));
    let start = Instant::now();
    let mut tasks = JoinSet::new();
    for i in 0..REQUESTS {
        let arrival = EVERY_MS * i;
        sleep_until(start + Duration::from_millis(arrival)).await;
        // Take the permit *before* spawning: at most `permits` tasks exist, and a
        // request that finds no free slot waits here, in the accepting loop.
        let permit = sem.clone().acquire_owned().await.unwrap();
        tasks.spawn(async move {
            sleep(Duration::from_millis(SERVICE_MS)).await; // the work
            drop(permit);
            (arrival, start.elapsed().as_millis() as u64)
        });
    }
    let mut times = tasks.join_all().await;
    times.sort();
    times
}
// ANCHOR_END: stage

// ANCHOR: little
fn report(permits: usize, times: &[(u64, u64)]) {
    let n = times.len() as f64;
    let end = times.iter().map(|&(_, d)| d).max().unwrap(); // the run starts at 0
    // W: the mean time a request spends in the system (waiting + service).
    let w = times.iter().map(|&(a, d)| d - a).sum::<u64>() as f64 / n;
    let max_wait = times
        .iter()
        .map(|&(a, d)| d - a - SERVICE_MS)
        .max()
        .unwrap();
    // λ: requests completed per second over the run.
    let lambda = n / (end as f64 / 1000.0);
    // L: the number in the system, counted every millisecond and averaged.
    let inside = |t: u64| times.iter().filter(|&&(a, d)| a <= t && t < d).count();
    let l = (0..end).map(inside).sum::<usize>() as f64 / end as f64;
    println!(
        "{permits} permits: {} requests done at {end} ms, longest wait {max_wait} ms",
        n
    );
    println!(
        "  W = {w:.2} ms, lambda = {lambda:.1}/s, lambda x W = {:.3}",
        lambda * w / 1000.0
    );
    println!("  L measured = {l:.3}");
}
// ANCHOR_END: little

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: main
    let needed = 500.0 * SERVICE_MS as f64 / 1000.0; // Little: L = lambda x W
    println!(
        "to serve 500/s at {SERVICE_MS} ms each, Little's law says {needed} in service"
    );
    for permits in [4, 5] {
        let times = run_stage(permits).await;
        report(permits, &times);
    }
    // ANCHOR_END: main
}
