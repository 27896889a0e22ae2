use std::sync::{Arc, Condvar, Mutex};
use std::thread;

// ANCHOR: waitgroup
/// A Go-style WaitGroup: a plain counter that callers must balance by hand.
struct WaitGroup {
    count: Mutex<isize>,
    zero: Condvar,
}

impl WaitGroup {
    fn new() -> Self {
        WaitGroup {
            count: Mutex::new(0),
            zero: Condvar::new(),
        }
    }

    fn add(&self, delta: isize) {
        let now = {
            let mut count = self.count.lock().unwrap();
            *count += delta;
            if *count == 0 {
                self.zero.notify_all();
            }
            *count
        }; // the lock is released before any panic, so it is not poisoned
        if now < 0 {
            panic!("negative WaitGroup counter");
        }
    }

    fn done(&self) {
        self.add(-1);
    }

    fn wait(&self) {
        let count = self.count.lock().unwrap();
        let _count = self.zero.wait_while(count, |c| *c > 0).unwrap();
    }
}

/// Go's `defer wg.Done()`: calls `done` when it goes out of scope.
struct DoneOnDrop(Arc<WaitGroup>);

impl Drop for DoneOnDrop {
    fn drop(&mut self) {
        self.0.done();
    }
}
// ANCHOR_END: waitgroup

// ANCHOR: body
fn main() {
    let wg = Arc::new(WaitGroup::new());
    wg.add(1);

    let worker = {
        let wg = Arc::clone(&wg);
        thread::spawn(move || {
            let _deferred = DoneOnDrop(Arc::clone(&wg)); // defer wg.Done()
            let job: Result<u32, &str> = Err("disk full"); // pretend the job failed
            let Ok(value) = job else {
                wg.done(); // the bug: an explicit Done on the error path...
                return; // ...and the deferred one still runs on the way out
            };
            println!("worker: saved {value}");
        })
    };

    wg.wait(); // returns after the first done(): the counter reached 0
    println!("main: wait() returned");

    // The worker's second done() panicked in the worker. Re-raise it here,
    // as Go would: a panic in any goroutine ends the whole program.
    if let Err(payload) = worker.join() {
        std::panic::resume_unwind(payload);
    }
}
// ANCHOR_END: body
