use std::collections::{BTreeSet, VecDeque};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::thread;
use sync::{Condvar, Mutex};

/// std's locks in the program, loom's in the models (`tests/model.rs`).
mod sync {
    #[cfg(loom)]
    pub use book_model::sync::{Condvar, Mutex};
    #[cfg(not(loom))]
    pub use std::sync::{Condvar, Mutex};
}

// ANCHOR: queue
/// A work queue for threads with client-go's two rules: a key waits in the
/// queue at most once (`dirty`), and a key a worker holds (`processing`) is not
/// handed to another worker; `done` queues it again if it changed meanwhile.
pub struct WorkQueue<K> {
    state: Mutex<State<K>>,
    ready: Condvar,
}

struct State<K> {
    queue: VecDeque<K>,
    dirty: BTreeSet<K>,
    processing: BTreeSet<K>,
    shutting_down: bool,
}

impl<K: Ord + Clone> WorkQueue<K> {
    pub fn new() -> Self {
        let state = State {
            queue: VecDeque::new(),
            dirty: BTreeSet::new(),
            processing: BTreeSet::new(),
            shutting_down: false,
        };
        WorkQueue {
            state: Mutex::new(state),
            ready: Condvar::new(),
        }
    }

    pub fn add(&self, key: K) {
        let mut s = self.state.lock().unwrap();
        if s.dirty.contains(&key) {
            return;
        }
        s.dirty.insert(key.clone());
        if !s.processing.contains(&key) {
            s.queue.push_back(key);
            self.ready.notify_one();
        }
    }

    /// Blocks until a key is ready; `None` once shut down and empty.
    pub fn get(&self) -> Option<K> {
        let s = self.state.lock().unwrap();
        let mut s = self
            .ready
            .wait_while(s, |s| s.queue.is_empty() && !s.shutting_down)
            .unwrap();
        let key = s.queue.pop_front()?;
        s.dirty.remove(&key);
        s.processing.insert(key.clone());
        Some(key)
    }

    pub fn done(&self, key: &K) {
        let mut s = self.state.lock().unwrap();
        s.processing.remove(key);
        if s.dirty.contains(key) {
            s.queue.push_back(key.clone());
            self.ready.notify_one();
        }
    }

    pub fn shut_down(&self) {
        self.state.lock().unwrap().shutting_down = true;
        self.ready.notify_all();
    }
}
// ANCHOR_END: queue

impl<K: Ord + Clone> Default for WorkQueue<K> {
    fn default() -> Self {
        Self::new()
    }
}

fn main() {
    // ANCHOR: contention
    const KEYS: usize = 50;
    const ADDS_PER_THREAD: usize = 10_000;
    let queue = Arc::new(WorkQueue::<usize>::new());
    // Per key: the change counter (the "API state"), the generation its last
    // reconcile saw, and a flag set while a worker holds it.
    let changes: Arc<Vec<AtomicU64>> =
        Arc::new((0..KEYS).map(|_| AtomicU64::new(0)).collect());
    let seen: Arc<Vec<AtomicU64>> =
        Arc::new((0..KEYS).map(|_| AtomicU64::new(0)).collect());
    let held: Arc<Vec<AtomicBool>> =
        Arc::new((0..KEYS).map(|_| AtomicBool::new(false)).collect());
    let (overlaps, reconciles) =
        (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));

    let workers: Vec<_> = (0..4)
        .map(|_| {
            let (queue, changes, seen, held) =
                (queue.clone(), changes.clone(), seen.clone(), held.clone());
            let (overlaps, reconciles) = (overlaps.clone(), reconciles.clone());
            thread::spawn(move || {
                while let Some(k) = queue.get() {
                    if held[k].swap(true, Ordering::SeqCst) {
                        overlaps.fetch_add(1, Ordering::SeqCst); // another worker holds k
                    }
                    reconciles.fetch_add(1, Ordering::SeqCst);
                    seen[k].store(changes[k].load(Ordering::SeqCst), Ordering::SeqCst);
                    thread::yield_now(); // a reconcile takes a while: invite overlap
                    held[k].store(false, Ordering::SeqCst);
                    queue.done(&k);
                }
            })
        })
        .collect();
    let adders: Vec<_> = (0..2u64)
        .map(|t| {
            let (queue, changes) = (queue.clone(), changes.clone());
            thread::spawn(move || {
                let mut x = 0x9E37_79B9_7F4A_7C15 ^ t; // xorshift: a fixed key sequence
                for _ in 0..ADDS_PER_THREAD {
                    x ^= x << 13;
                    x ^= x >> 7;
                    x ^= x << 17;
                    let k = (x % KEYS as u64) as usize;
                    changes[k].fetch_add(1, Ordering::SeqCst); // the object changes...
                    queue.add(k); // ...then its key is queued
                }
            })
        })
        .collect();
    adders.into_iter().for_each(|a| a.join().unwrap());
    queue.shut_down(); // workers drain what is queued, then get() returns None
    workers.into_iter().for_each(|w| w.join().unwrap());
    // ANCHOR_END: contention

    let adds = 2 * ADDS_PER_THREAD;
    let up_to_date = (0..KEYS)
        .all(|k| seen[k].load(Ordering::SeqCst) == changes[k].load(Ordering::SeqCst));
    println!("adds: {adds} from 2 threads over {KEYS} keys, 4 workers");
    println!(
        "reconciles <= adds: {}",
        reconciles.load(Ordering::SeqCst) <= adds
    );
    println!(
        "a key held by two workers at once: {} times",
        overlaps.load(Ordering::SeqCst)
    );
    println!("every key's last reconcile saw its last change: {up_to_date}");
}
