//! C01 · The reference solution: one mutex around the queue and the pool's
//! state, one condition variable for workers, one for waiting submitters.
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

// ANCHOR: state
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
// ANCHOR_END: state

// ANCHOR: worker
fn worker(shared: &Shared) {
    let mut state = shared.lock();
    loop {
        if let Some(job) = state.queue.pop_front() {
            shared.room.notify_one();
            drop(state); // never run a job while holding the lock
            let error = match panic::catch_unwind(AssertUnwindSafe(job)) {
                Ok(Ok(())) => None,
                Ok(Err(e)) => Some(e),
                Err(_) => Some("a job panicked".to_string()),
            };
            state = shared.lock();
            state.errors.extend(error);
        } else if state.closed {
            return; // closed *and* drained: only now may a worker exit
        } else {
            state = shared
                .job_ready
                .wait(state)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }
}
// ANCHOR_END: worker

// ANCHOR: submit
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
    // ANCHOR_END: submit

    // ANCHOR: shutdown
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
    // ANCHOR_END: shutdown
}

fn main() {
    let pool = Pool::new(2, 4);
    for i in 0..10 {
        let job = move || {
            if i % 4 == 0 {
                Err(format!("job {i} failed"))
            } else {
                Ok(())
            }
        };
        pool.submit(job).expect("the pool is open");
    }
    let mut errors = pool.shutdown();
    errors.sort();
    println!("errors: {errors:?}");
    println!("after shutdown: {:?}", pool.submit(|| Ok(())));
}
