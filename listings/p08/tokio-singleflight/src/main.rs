use std::collections::HashMap;
use std::future::Future;
use std::hash::Hash;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::OnceCell;
use tokio::task::JoinSet;
use tokio::time::{Instant, sleep};

// ANCHOR: group
pub struct Group<K, V> {
    calls: Mutex<HashMap<K, Arc<OnceCell<V>>>>, // only calls in flight
}

impl<K: Hash + Eq + Clone, V: Clone> Group<K, V> {
    pub fn new() -> Self {
        Group {
            calls: Mutex::new(HashMap::new()),
        }
    }

    pub async fn work<F>(&self, key: &K, fetch: impl FnOnce() -> F) -> V
    where
        F: Future<Output = V>,
    {
        // The std mutex is held only for this line, never across an await.
        let cell = Arc::clone(self.calls.lock().unwrap().entry(key.clone()).or_default());
        // One caller runs its closure; the others wait for the value. If that
        // caller is cancelled or panics, one of the waiters runs its own.
        let value = cell
            .get_or_init(|| async {
                let value = fetch().await;
                self.calls.lock().unwrap().remove(key); // later calls fetch anew
                value
            })
            .await;
        value.clone()
    }
}
// ANCHOR_END: group

impl<K: Hash + Eq + Clone, V: Clone> Default for Group<K, V> {
    fn default() -> Self {
        Self::new()
    }
}

/// A backend call that takes 100 ms and counts itself.
async fn load(fetches: &AtomicUsize, value: Result<u32, String>) -> Result<u32, String> {
    fetches.fetch_add(1, Relaxed);
    sleep(Duration::from_millis(100)).await;
    value
}

type Shared = Arc<(Group<&'static str, Result<u32, String>>, AtomicUsize)>;

/// `n` tasks ask for one key at the same instant; returns every result.
async fn herd(n: usize, value: Result<u32, String>) -> (Vec<Result<u32, String>>, usize) {
    let shared: Shared = Arc::new((Group::new(), AtomicUsize::new(0)));
    let mut tasks = JoinSet::new();
    for _ in 0..n {
        let (shared, value) = (shared.clone(), value.clone());
        tasks.spawn(
            async move { shared.0.work(&"user:7", || load(&shared.1, value)).await },
        );
    }
    let results = tasks.join_all().await;
    (results, shared.1.load(Relaxed))
}

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: herd
    let (results, fetches) = herd(50, Ok(42)).await;
    let all_42 = results.iter().all(|r| *r == Ok(42));
    println!("herd: 50 callers, {fetches} fetch, all got 42: {all_42}");

    let (results, fetches) = herd(5, Err("backend down".into())).await;
    let errors = results.iter().filter(|r| r.is_err()).count();
    println!(
        "error: 5 callers, {fetches} fetch, {errors} got {:?}",
        results[0]
    );
    // ANCHOR_END: herd

    let shared: Shared = Arc::new((Group::new(), AtomicUsize::new(0)));
    for _ in 0..2 {
        shared
            .0
            .work(&"user:7", || load(&shared.1, Ok(42)))
            .await
            .unwrap();
    }
    println!("sequential: 2 calls, {} fetches", shared.1.load(Relaxed));

    // ANCHOR: cancel
    let shared: Shared = Arc::new((Group::new(), AtomicUsize::new(0)));
    let start = Instant::now();
    let call = |shared: Shared| async move {
        let value = shared.0.work(&"user:7", || load(&shared.1, Ok(42))).await;
        (value, start.elapsed().as_millis())
    };
    let leader = tokio::spawn(call(shared.clone()));
    while shared.1.load(Relaxed) == 0 {
        tokio::task::yield_now().await; // until the leader's fetch has started
    }
    let mut followers = JoinSet::new();
    for _ in 0..3 {
        followers.spawn(call(shared.clone()));
    }
    sleep(Duration::from_millis(50)).await;
    leader.abort(); // cancel the leader halfway through its fetch
    let cancelled = leader.await.unwrap_err().is_cancelled();
    let results = followers.join_all().await;
    println!("cancelled leader: {cancelled}; followers got {results:?}");
    println!("fetches: {}", shared.1.load(Relaxed));
    // ANCHOR_END: cancel
}
