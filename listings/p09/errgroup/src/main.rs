use std::future::Future;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;
use tokio::sync::Semaphore;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};
use tokio_util::sync::CancellationToken;

// ANCHOR: group
pub struct ErrGroup<T, E> {
    tasks: JoinSet<(usize, Option<T>)>, // each task's index and value
    token: CancellationToken,           // cancelled by the first error
    first_err: Arc<OnceLock<E>>,
    limit: Option<Arc<Semaphore>>,
    spawned: usize,
}

impl<T: Send + 'static, E: Send + Sync + 'static> ErrGroup<T, E> {
    pub fn new() -> Self {
        ErrGroup {
            tasks: JoinSet::new(),
            token: CancellationToken::new(),
            first_err: Arc::new(OnceLock::new()),
            limit: None,
            spawned: 0,
        }
    }

    /// Go's `SetLimit`: at most `n` tasks run at once; `spawn` waits for a slot.
    pub fn with_limit(n: usize) -> Self {
        ErrGroup {
            limit: Some(Arc::new(Semaphore::new(n))),
            ..Self::new()
        }
    }

    /// Runs `f(token)` as a task. The token is cancelled by the first error.
    pub async fn spawn<F>(&mut self, f: impl FnOnce(CancellationToken) -> F)
    where
        F: Future<Output = Result<T, E>> + Send + 'static,
    {
        let permit = match &self.limit {
            Some(slots) => Some(Arc::clone(slots).acquire_owned().await.unwrap()),
            None => None,
        };
        let (index, token) = (self.spawned, self.token.clone());
        let first_err = Arc::clone(&self.first_err);
        self.spawned += 1;
        let work = f(token.clone());
        self.tasks.spawn(async move {
            let result = work.await;
            drop(permit); // the slot is free as soon as the work is done
            match result {
                Ok(value) => (index, Some(value)),
                Err(err) => {
                    if first_err.set(err).is_ok() {
                        token.cancel(); // only the first error cancels
                    }
                    (index, None)
                }
            }
        });
    }

    /// Waits for every task, like Go's `Wait`; then returns the values in
    /// spawn order, or the first error.
    pub async fn wait(mut self) -> Result<Vec<T>, E> {
        let mut slots: Vec<Option<T>> = (0..self.spawned).map(|_| None).collect();
        while let Some(joined) = self.tasks.join_next().await {
            match joined {
                Ok((index, value)) => slots[index] = value,
                Err(join_error) => std::panic::resume_unwind(join_error.into_panic()),
            }
        }
        self.token.cancel(); // as in Go: the context is done once Wait returns
        if let Some(err) = Arc::into_inner(self.first_err).and_then(OnceLock::into_inner) {
            return Err(err);
        }
        Ok(slots
            .into_iter()
            .map(|v| v.expect("no error, so every task gave a value"))
            .collect())
    }
}
// ANCHOR_END: group

impl<T: Send + 'static, E: Send + Sync + 'static> Default for ErrGroup<T, E> {
    fn default() -> Self {
        Self::new()
    }
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: cancel
    let finished = Arc::new(AtomicUsize::new(0));
    let cancelled = Arc::new(AtomicUsize::new(0));
    let mut group = ErrGroup::new();
    let start = Instant::now();
    for i in 0..5 {
        let (finished, cancelled) = (finished.clone(), cancelled.clone());
        group
            .spawn(move |token| async move {
                if i == 2 {
                    sleep(Duration::from_millis(10)).await;
                    return Err(format!("fetch {i} failed"));
                }
                tokio::select! {
                    _ = sleep(Duration::from_secs(1)) => {
                        finished.fetch_add(1, Relaxed);
                        Ok(i)
                    }
                    _ = token.cancelled() => {
                        cancelled.fetch_add(1, Relaxed);
                        Err(format!("fetch {i} cancelled"))
                    }
                }
            })
            .await;
    }
    let result = group.wait().await;
    println!(
        "{result:?} after {} ms: {} finished, {} cancelled",
        start.elapsed().as_millis(),
        finished.load(Relaxed),
        cancelled.load(Relaxed)
    );
    // ANCHOR_END: cancel

    // ANCHOR: order
    let durations = [50, 10, 30, 20, 5]; // milliseconds, fetch by fetch
    let running = Arc::new(AtomicUsize::new(0));
    let peak = Arc::new(AtomicUsize::new(0));
    let completed = Arc::new(Mutex::new(Vec::new()));
    let mut group = ErrGroup::<u64, String>::with_limit(2);
    let start = Instant::now();
    for (i, ms) in durations.into_iter().enumerate() {
        let (running, peak, completed) = (running.clone(), peak.clone(), completed.clone());
        group
            .spawn(move |_token| async move {
                peak.fetch_max(running.fetch_add(1, Relaxed) + 1, Relaxed);
                sleep(Duration::from_millis(ms)).await;
                running.fetch_sub(1, Relaxed);
                completed.lock().unwrap().push(i);
                Ok(i as u64 * 10)
            })
            .await;
    }
    let results = group.wait().await;
    println!("completed in the order {:?}", completed.lock().unwrap());
    println!("results in input order: {results:?}");
    println!(
        "at most {} at once, all done after {} ms",
        peak.load(Relaxed),
        start.elapsed().as_millis()
    );
    // ANCHOR_END: order
}
