use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{Notify, mpsc};
use tokio::time::{Instant, sleep};

fn now_ms(start: Instant) -> String {
    format!("{:>5} ms", start.elapsed().as_millis())
}

// ANCHOR: api
/// The in-memory API server: each object's spec (desired replicas) and what is
/// running (observed), plus a watch stream of spec changes.
struct Api {
    desired: BTreeMap<&'static str, u32>,
    running: BTreeMap<&'static str, u32>,
    quota_errors: u32, // the next N pod creations fail
    watch: mpsc::UnboundedSender<&'static str>,
}

impl Api {
    fn set_desired(&mut self, key: &'static str, replicas: u32, deliver_event: bool) {
        self.desired.insert(key, replicas);
        if deliver_event {
            self.watch.send(key).unwrap(); // level-triggered: an event is only a key
        }
    }
    fn create_pod(&mut self, key: &'static str) -> Result<(), &'static str> {
        if self.quota_errors > 0 {
            self.quota_errors -= 1;
            return Err("quota exceeded");
        }
        *self.running.entry(key).or_default() += 1;
        Ok(())
    }
}
// ANCHOR_END: api

// ANCHOR: queue
/// client-go's work queue, in small: `dirty` holds keys waiting to be processed,
/// `processing` the keys a worker holds. A key is in `queue` at most once, and
/// never while a worker holds it.
#[derive(Default)]
struct State {
    queue: VecDeque<&'static str>,
    dirty: HashSet<&'static str>,
    processing: HashSet<&'static str>,
    failures: HashMap<&'static str, u32>,
}

#[derive(Default)]
struct WorkQueue {
    state: Mutex<State>,
    ready: Notify,
}

impl WorkQueue {
    fn add(&self, key: &'static str) {
        let mut s = self.state.lock().unwrap();
        if !s.dirty.insert(key) {
            return; // already waiting: the adds collapse into one
        }
        if !s.processing.contains(key) {
            s.queue.push_back(key);
            self.ready.notify_one();
        } // else: `done` queues it again when the worker lets go
    }

    async fn get(&self) -> &'static str {
        loop {
            let notified = self.ready.notified(); // an earlier notify_one leaves a permit
            {
                let mut s = self.state.lock().unwrap();
                if let Some(key) = s.queue.pop_front() {
                    s.dirty.remove(key);
                    s.processing.insert(key);
                    return key;
                }
            }
            notified.await;
        }
    }

    fn done(&self, key: &'static str) {
        let mut s = self.state.lock().unwrap();
        s.processing.remove(key);
        if s.dirty.contains(key) {
            s.queue.push_back(key);
            self.ready.notify_one();
        }
    }

    /// Requeue after a failure: 5 ms, 10 ms, 20 ms... per key (client-go's
    /// per-item exponential limiter starts at 5 ms too).
    fn add_rate_limited(self: &Arc<Self>, key: &'static str) -> Duration {
        let n = {
            let mut s = self.state.lock().unwrap();
            let n = s.failures.entry(key).or_default();
            *n += 1;
            *n
        };
        let delay = Duration::from_millis(5 << (n - 1));
        let queue = self.clone();
        tokio::spawn(async move {
            sleep(delay).await;
            queue.add(key);
        });
        delay
    }

    fn forget(&self, key: &'static str) {
        self.state.lock().unwrap().failures.remove(key);
    }
}
// ANCHOR_END: queue

// ANCHOR: reconcile
/// Level-triggered: looks at the whole state now, not at what the event said.
async fn reconcile(api: &Mutex<Api>, key: &'static str) -> Result<String, &'static str> {
    sleep(Duration::from_millis(10)).await; // a round trip to the API server
    let mut api = api.lock().unwrap();
    let desired = api.desired.get(key).copied().unwrap_or(0);
    let before = api.running.get(key).copied().unwrap_or(0);
    for _ in before..desired {
        api.create_pod(key)?; // an error: return it, keep what was created
    }
    Ok(format!("{before} -> {desired} running"))
}
// ANCHOR_END: reconcile

#[tokio::main(flavor = "current_thread", start_paused = true)]
async fn main() {
    // ANCHOR: controller
    let start = Instant::now();
    let (watch_tx, mut watch) = mpsc::unbounded_channel();
    let api = Arc::new(Mutex::new(Api {
        desired: BTreeMap::new(),
        running: BTreeMap::new(),
        quota_errors: 0,
        watch: watch_tx,
    }));
    let queue = Arc::new(WorkQueue::default());
    let reconciled = Arc::new(Mutex::new(BTreeMap::<&str, u32>::new()));

    // The informer: every watch event becomes an add of its key.
    let (q, events) = (queue.clone(), Arc::new(Mutex::new(0)));
    let seen = events.clone();
    tokio::spawn(async move {
        while let Some(key) = watch.recv().await {
            *seen.lock().unwrap() += 1;
            q.add(key);
        }
    });
    // The resync: every 10 s, every key is queued again, event or no event.
    let (q, a) = (queue.clone(), api.clone());
    tokio::spawn(async move {
        loop {
            sleep(Duration::from_secs(10)).await;
            let keys: Vec<_> = a.lock().unwrap().desired.keys().copied().collect();
            println!("{} resync: {keys:?} queued", now_ms(start));
            keys.into_iter().for_each(|k| q.add(k));
        }
    });
    // Two workers.
    for _ in 0..2 {
        let (q, a, r) = (queue.clone(), api.clone(), reconciled.clone());
        tokio::spawn(async move {
            loop {
                let key = q.get().await;
                *r.lock().unwrap().entry(key).or_default() += 1;
                match reconcile(&a, key).await {
                    Ok(what) => {
                        println!("{} reconcile {key}: {what}", now_ms(start));
                        q.forget(key);
                    }
                    Err(e) => {
                        let wait = q.add_rate_limited(key);
                        println!(
                            "{} reconcile {key}: {e}; requeued in {wait:?}",
                            now_ms(start)
                        );
                    }
                }
                q.done(key);
            }
        });
    }
    // ANCHOR_END: controller

    // ANCHOR: script
    // Five quick edits of web at t = 0, and five more while a worker holds it.
    for _ in 0..5 {
        api.lock().unwrap().set_desired("web", 3, true);
    }
    sleep(Duration::from_millis(5)).await;
    for _ in 0..5 {
        api.lock().unwrap().set_desired("web", 3, true);
    }
    // At 100 ms, db is created while the pod quota is exhausted for two creations.
    sleep(Duration::from_millis(95)).await;
    api.lock().unwrap().quota_errors = 2;
    api.lock().unwrap().set_desired("db", 2, true);
    // At 1 s, web is scaled to 5 and the watch event is lost.
    sleep(Duration::from_millis(900)).await;
    println!("{} web scaled to 5; the watch event is lost", now_ms(start));
    api.lock().unwrap().set_desired("web", 5, false);

    sleep(Duration::from_secs(11)).await; // past the first resync
    let api = api.lock().unwrap();
    println!("events delivered: {}", events.lock().unwrap());
    println!("reconciles per key: {:?}", reconciled.lock().unwrap());
    println!("desired {:?}, running {:?}", api.desired, api.running);
    // ANCHOR_END: script
}
