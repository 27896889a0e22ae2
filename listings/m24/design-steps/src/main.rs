use std::sync::Arc;
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep, timeout};

#[derive(Debug)]
enum Outcome {
    Processed(Duration),
    TimedOut,
    Failed(String),
}

/// Simulated work: `cost` of I/O, or an error part-way through.
async fn process(cost_ms: u64, corrupt: bool) -> Result<Duration, String> {
    if corrupt {
        sleep(Duration::from_millis(100)).await;
        return Err("corrupt header".to_string());
    }
    sleep(Duration::from_millis(cost_ms)).await;
    Ok(Duration::from_millis(cost_ms))
}

// The paused clock makes every duration below exact and the run instant.
#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    let files = [
        ("a.log", 300, false),
        ("b.log", 800, false),
        ("c.log", 1200, false), // slower than its deadline
        ("d.log", 200, false),
        ("e.log", 0, true), // fails
    ];
    let start = Instant::now();

    // ANCHOR: body
    let limit = Arc::new(Semaphore::new(2)); // step 3: bound the concurrency
    let deadline = Duration::from_millis(1000); // step 4: bound every job in time
    let mut tasks = JoinSet::new(); // step 4: every task has an owner

    let mut results = Vec::new();
    for (name, cost, corrupt) in files {
        // step 3: wait for a free slot *before* spawning, so that at most two
        // tasks run and the loop itself is held back
        let permit = Arc::clone(&limit).acquire_owned().await.unwrap();
        // collect the tasks that have finished: the set keeps them until joined
        while let Some(done) = tasks.try_join_next() {
            results.push(done.expect("a job panicked"));
        }
        tasks.spawn(async move {
            let _permit = permit; // released when the task ends, however it ends
            // step 5: the error travels back as a value, not a log line
            let outcome = match timeout(deadline, process(cost, corrupt)).await {
                Ok(Ok(took)) => Outcome::Processed(took),
                Ok(Err(e)) => Outcome::Failed(e),
                Err(_elapsed) => Outcome::TimedOut, // the job's future is dropped
            };
            (name, outcome)
        });
    }
    while let Some(done) = tasks.join_next().await {
        results.push(done.expect("a job panicked"));
    }

    // Results arrive in completion order; sort them for the report.
    results.sort_by_key(|&(name, _)| name);
    // ANCHOR_END: body

    let (mut ok, mut late, mut failed) = (0, 0, 0);
    for (name, outcome) in &results {
        match outcome {
            Outcome::Processed(took) => {
                ok += 1;
                println!("{name}: processed in {} ms", took.as_millis());
            }
            Outcome::TimedOut => {
                late += 1;
                println!(
                    "{name}: cancelled at its {} ms deadline",
                    deadline.as_millis()
                );
            }
            Outcome::Failed(e) => {
                failed += 1;
                println!("{name}: failed: {e}");
            }
        }
    }
    println!(
        "{ok} processed, {late} timed out, {failed} failed; \
         {} ms of (paused-clock) time with 2 at a time",
        start.elapsed().as_millis()
    );
}
