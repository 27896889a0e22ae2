use std::collections::VecDeque;
use std::time::Duration;

use tokio::time::{Instant, sleep};

/// At most `max` restarts within any `window`: a task that keeps failing is given up on.
struct Budget {
    max: usize,
    window: Duration,
    recent: VecDeque<Instant>,
}

impl Budget {
    /// Records a restart, or refuses it when `max` happened within the last `window`.
    fn allow(&mut self, now: Instant) -> bool {
        while self.recent.front().is_some_and(|&t| now - t >= self.window) {
            self.recent.pop_front();
        }
        if self.recent.len() == self.max {
            return false;
        }
        self.recent.push_back(now);
        true
    }
}

fn message(payload: &(dyn std::any::Any + Send)) -> &str {
    let text = payload.downcast_ref::<String>().map(String::as_str);
    text.or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("<not a string>")
}

// ANCHOR: supervise
/// Runs `task(attempt)` until it returns; restarts it after a panic, with exponential
/// back-off, as long as the budget allows. Returns the last panic message otherwise.
async fn supervise<F, Fut>(name: &str, task: F, mut budget: Budget) -> Result<(), String>
where
    F: Fn(u32) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let start = Instant::now();
    let mut backoff = Duration::from_millis(100);
    for attempt in 1.. {
        let error = match tokio::spawn(task(attempt)).await {
            Ok(()) => {
                let t = start.elapsed().as_millis();
                println!("{name}: attempt {attempt} finished at t = {t} ms");
                return Ok(());
            }
            Err(e) if e.is_panic() => message(&*e.into_panic()).to_string(),
            Err(e) => return Err(e.to_string()), // cancelled: not ours to restart
        };
        print!("{name}: attempt {attempt} panicked ({error}); ");
        if !budget.allow(Instant::now()) {
            let secs = budget.window.as_secs();
            println!("{} restarts within {secs} s used up", budget.max);
            return Err(error);
        }
        println!("restart in {} ms", backoff.as_millis());
        sleep(backoff).await;
        backoff *= 2;
    }
    unreachable!("the attempts never run out")
}
// ANCHOR_END: supervise

fn budget() -> Budget {
    let window = Duration::from_secs(60);
    Budget {
        max: 2,
        window,
        recent: VecDeque::new(),
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: main
    let flaky = |attempt: u32| async move {
        if attempt < 3 {
            panic!("connection reset");
        }
    };
    supervise("flaky-feed", flaky, budget())
        .await
        .expect("it recovers");

    let broken = |_: u32| async { panic!("missing key `port`") };
    if supervise("bad-config", broken, budget()).await.is_err() {
        panic!("bad-config: restart budget used up, escalating");
    }
    // ANCHOR_END: main
}
