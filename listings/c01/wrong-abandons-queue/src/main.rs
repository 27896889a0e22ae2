//! C01 · A wrong pool: shutdown stops the workers at once.
use std::collections::VecDeque;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::{self, JoinHandle};

#[derive(Debug, PartialEq, Eq)]
pub enum Rejected {
    Full,
    Closed,
}

type Job = Box<dyn FnOnce() -> Result<(), String> + Send>;

pub struct Pool {
    shared: Arc<Shared>,
    workers: Mutex<Vec<JoinHandle<()>>>,
}

struct Shared {
    state: Mutex<State>,
    job_ready: Condvar, // workers wait here for a job (or for the close)
    room: Condvar,      // submitters wait here for room (or for the close)
}

struct State {
    queue: VecDeque<Job>,
    capacity: usize,
    closed: bool,
    errors: Vec<String>,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, State> {
        // Jobs run outside the lock, so a panic never poisons it; if it ever
        // were poisoned, the state itself is still consistent.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

// ANCHOR: worker
fn worker(shared: &Shared) {
    let mut state = shared.lock();
    loop {
        // BUG: "closed" is checked before the queue. After shutdown a worker
        // exits with jobs still queued; they are dropped, never run, and
        // shutdown reports success.
        if state.closed {
            return;
        } else if let Some(job) = state.queue.pop_front() {
            shared.room.notify_one();
            drop(state);
            let error = match panic::catch_unwind(AssertUnwindSafe(job)) {
                Ok(Ok(())) => None,
                Ok(Err(e)) => Some(e),
                Err(_) => Some("a job panicked".to_string()),
            };
            state = shared.lock();
            state.errors.extend(error);
        } else {
            state = shared
                .job_ready
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}
// ANCHOR_END: worker

impl Pool {
    pub fn new(workers: usize, capacity: usize) -> Self {
        assert!(
            workers > 0 && capacity > 0,
            "a pool needs a worker and room for a job"
        );
        let shared = Arc::new(Shared {
            state: Mutex::new(State {
                queue: VecDeque::with_capacity(capacity),
                capacity,
                closed: false,
                errors: Vec::new(),
            }),
            job_ready: Condvar::new(),
            room: Condvar::new(),
        });
        let handles = (0..workers)
            .map(|_| {
                let shared = Arc::clone(&shared);
                thread::spawn(move || worker(&shared))
            })
            .collect();
        Pool {
            shared,
            workers: Mutex::new(handles),
        }
    }

    pub fn submit<F>(&self, job: F) -> Result<(), Rejected>
    where
        F: FnOnce() -> Result<(), String> + Send + 'static,
    {
        let state = self.shared.lock();
        let mut state = self
            .shared
            .room
            .wait_while(state, |s| !s.closed && s.queue.len() == s.capacity)
            .unwrap_or_else(PoisonError::into_inner);
        if state.closed {
            return Err(Rejected::Closed);
        }
        state.queue.push_back(Box::new(job));
        self.shared.job_ready.notify_one();
        Ok(())
    }

    pub fn try_submit<F>(&self, job: F) -> Result<(), Rejected>
    where
        F: FnOnce() -> Result<(), String> + Send + 'static,
    {
        let mut state = self.shared.lock();
        if state.closed {
            return Err(Rejected::Closed);
        }
        if state.queue.len() == state.capacity {
            return Err(Rejected::Full);
        }
        state.queue.push_back(Box::new(job));
        self.shared.job_ready.notify_one();
        Ok(())
    }

    pub fn shutdown(&self) -> Vec<String> {
        self.shared.lock().closed = true;
        // Idle workers must see the close; waiting submitters must give up.
        self.shared.job_ready.notify_all();
        self.shared.room.notify_all();
        let handles = std::mem::take(
            &mut *self.workers.lock().unwrap_or_else(PoisonError::into_inner),
        );
        for h in handles {
            h.join().expect("a worker catches its jobs' panics");
        }
        std::mem::take(&mut self.shared.lock().errors)
    }
}

fn main() {
    // One worker, busy until the main thread has queued 3 more jobs and
    // called shutdown.
    let pool = Pool::new(1, 3);
    let ran = Arc::new(Mutex::new(0));
    let (started_tx, started_rx) = std::sync::mpsc::channel();
    let (release_tx, release_rx) = std::sync::mpsc::channel::<()>();
    pool.submit(move || {
        started_tx.send(()).unwrap();
        release_rx.recv().map_err(|e| e.to_string())
    })
    .unwrap();
    started_rx.recv().unwrap();
    for _ in 0..3 {
        let ran = Arc::clone(&ran);
        pool.submit(move || {
            *ran.lock().unwrap() += 1;
            Ok(())
        })
        .unwrap();
    }
    thread::scope(|s| {
        s.spawn(|| pool.shutdown());
        // Full until shutdown has begun, then Closed.
        while pool.try_submit(|| Ok(())) != Err(Rejected::Closed) {
            thread::yield_now();
        }
        release_tx.send(()).unwrap();
    });
    println!("queued jobs run by shutdown: {} of 3", ran.lock().unwrap());
}
