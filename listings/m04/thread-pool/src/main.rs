use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};

// ANCHOR: pool
type Task = Box<dyn FnOnce() + Send + 'static>;

pub struct ThreadPool {
    queue: Option<Sender<Task>>, // Option so that Drop can drop it first
    workers: Vec<JoinHandle<()>>,
}

impl ThreadPool {
    pub fn new(size: usize) -> ThreadPool {
        let (tx, rx) = mpsc::channel::<Task>();
        let rx: Arc<Mutex<Receiver<Task>>> = Arc::new(Mutex::new(rx));
        let workers = (0..size)
            .map(|_| {
                let rx = Arc::clone(&rx);
                thread::spawn(move || {
                    loop {
                        let task = rx.lock().unwrap().recv(); // lock released here
                        match task {
                            Ok(task) => task(),
                            Err(_) => break, // the pool was dropped
                        }
                    }
                })
            })
            .collect();
        ThreadPool {
            queue: Some(tx),
            workers,
        }
    }

    pub fn execute(&self, f: impl FnOnce() + Send + 'static) {
        self.queue.as_ref().unwrap().send(Box::new(f)).unwrap();
    }
}

impl Drop for ThreadPool {
    fn drop(&mut self) {
        // Close the queue: the workers finish what is queued, then exit.
        drop(self.queue.take());
        let n = self.workers.len();
        for worker in self.workers.drain(..) {
            worker.join().unwrap();
        }
        println!("pool dropped: {n} workers joined");
    }
}
// ANCHOR_END: pool

fn main() {
    // ANCHOR: main
    let (results_tx, results_rx) = mpsc::channel();
    {
        let pool = ThreadPool::new(3);
        for n in 1..=8u64 {
            let results = results_tx.clone();
            pool.execute(move || results.send(n * n).unwrap());
        }
        drop(results_tx);
        let mut results: Vec<u64> = results_rx.iter().collect();
        results.sort_unstable();
        println!("results (sorted): {results:?}");
    } // `pool` dropped here
    // ANCHOR_END: main
}
