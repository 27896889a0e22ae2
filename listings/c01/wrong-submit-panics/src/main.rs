//! C01 · A wrong pool: a bounded channel, and a sender that shutdown drops.
use std::panic::{self, AssertUnwindSafe};
use std::sync::mpsc::{self, Receiver, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::{self, JoinHandle};

#[derive(Debug, PartialEq, Eq)]
pub enum Rejected {
    Full,
    Closed,
}

type Job = Box<dyn FnOnce() -> Result<(), String> + Send>;

// ANCHOR: pool
pub struct Pool {
    sender: Mutex<Option<SyncSender<Job>>>, // None once shut down
    workers: Mutex<Vec<JoinHandle<Vec<String>>>>,
}

impl Pool {
    pub fn submit<F>(&self, job: F) -> Result<(), Rejected>
    where
        F: FnOnce() -> Result<(), String> + Send + 'static,
    {
        // BUG: "nobody submits after shutdown", so the sender is unwrapped.
        // A late submit panics in the caller, like a send on a closed
        // channel in Go.
        let sender = self.sender.lock().unwrap().as_ref().unwrap().clone();
        sender.send(Box::new(job)).map_err(|_| Rejected::Closed)
    }

    pub fn shutdown(&self) -> Vec<String> {
        drop(self.sender.lock().unwrap().take()); // workers drain, then stop
        let handles = std::mem::take(&mut *self.workers.lock().unwrap());
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    }
}
// ANCHOR_END: pool

impl Pool {
    pub fn new(workers: usize, capacity: usize) -> Self {
        assert!(
            workers > 0 && capacity > 0,
            "a pool needs a worker and room for a job"
        );
        let (tx, rx) = mpsc::sync_channel::<Job>(capacity);
        let rx = Arc::new(Mutex::new(rx));
        let handles = (0..workers)
            .map(|_| {
                let rx = Arc::clone(&rx);
                thread::spawn(move || worker(&rx))
            })
            .collect();
        Pool {
            sender: Mutex::new(Some(tx)),
            workers: Mutex::new(handles),
        }
    }

    pub fn try_submit<F>(&self, job: F) -> Result<(), Rejected>
    where
        F: FnOnce() -> Result<(), String> + Send + 'static,
    {
        let sender = self.sender.lock().unwrap().as_ref().unwrap().clone();
        sender.try_send(Box::new(job)).map_err(|e| match e {
            TrySendError::Full(_) => Rejected::Full,
            TrySendError::Disconnected(_) => Rejected::Closed,
        })
    }
}

fn worker(rx: &Mutex<Receiver<Job>>) -> Vec<String> {
    let mut errors = Vec::new();
    loop {
        let next = rx.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok(job) = next else { return errors }; // closed and drained
        match panic::catch_unwind(AssertUnwindSafe(job)) {
            Ok(Ok(())) => {}
            Ok(Err(e)) => errors.push(e),
            Err(_) => errors.push("a job panicked".to_string()),
        }
    }
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
