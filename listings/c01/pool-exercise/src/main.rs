//! C01 · A bounded worker pool. Replace every `todo!()`, then run the
//! interviewer's tests: `cargo test -p c01-pool-exercise`.
#![allow(unused_variables)] // the `todo!()` bodies do not use their parameters yet

// ANCHOR: api
/// Why a job was not accepted.
#[derive(Debug, PartialEq, Eq)]
pub enum Rejected {
    /// The queue is full (only `try_submit` says this; `submit` waits).
    Full,
    /// `shutdown` has begun: the pool takes no more jobs.
    Closed,
}

/// `workers` threads running jobs from a queue of at most `capacity` jobs.
/// Shared by reference (`&Pool` or `Arc<Pool>`): every method takes `&self`.
pub struct Pool {
    // Replace with your fields.
}

impl Pool {
    /// Starts `workers` threads (at least 1) and an empty queue with room
    /// for `capacity` jobs (at least 1).
    pub fn new(workers: usize, capacity: usize) -> Self {
        todo!()
    }

    /// Queues `job`, waiting while the queue is full (back-pressure).
    /// `Err(Rejected::Closed)` once `shutdown` has begun, even while waiting.
    pub fn submit<F>(&self, job: F) -> Result<(), Rejected>
    where
        F: FnOnce() -> Result<(), String> + Send + 'static,
    {
        todo!()
    }

    /// Like `submit`, but `Err(Rejected::Full)` instead of waiting.
    pub fn try_submit<F>(&self, job: F) -> Result<(), Rejected>
    where
        F: FnOnce() -> Result<(), String> + Send + 'static,
    {
        todo!()
    }

    /// Stops taking jobs, lets the workers run every job already queued,
    /// waits for them to exit, and returns the errors the jobs returned (a job
    /// that panicked counts as an error). Later calls return no errors.
    pub fn shutdown(&self) -> Vec<String> {
        todo!()
    }
}
// ANCHOR_END: api

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
