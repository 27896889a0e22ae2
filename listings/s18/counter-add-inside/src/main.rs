use std::sync::{Arc, Barrier, Condvar, Mutex};
use std::thread;

/// A WaitGroup with Go's API: a bare counter anyone can add to.
#[derive(Default)]
struct CounterWaitGroup {
    count: Mutex<usize>,
    zero: Condvar,
}

impl CounterWaitGroup {
    fn add(&self, n: usize) {
        *self.count.lock().unwrap() += n;
    }
    fn done(&self) {
        let mut count = self.count.lock().unwrap();
        *count -= 1;
        if *count == 0 {
            self.zero.notify_all();
        }
    }
    fn wait(&self) {
        let count = self.count.lock().unwrap();
        drop(self.zero.wait_while(count, |c| *c > 0).unwrap());
    }
}

fn main() {
    // ANCHOR: body
    let wg = Arc::new(CounterWaitGroup::default());
    let finished = Arc::new(Mutex::new(0));
    // The barrier holds the workers back until main's wait has returned: the unlucky
    // schedule, made certain.
    let go = Arc::new(Barrier::new(5));
    let mut workers = Vec::new();
    for _ in 0..4 {
        let (wg, finished, go) = (wg.clone(), finished.clone(), go.clone());
        workers.push(thread::spawn(move || {
            go.wait();
            wg.add(1); // too late
            *finished.lock().unwrap() += 1;
            wg.done();
        }));
    }
    wg.wait();
    println!(
        "wait returned with {} of 4 finished",
        *finished.lock().unwrap()
    );
    // ANCHOR_END: body
    go.wait();
    for w in workers {
        w.join().unwrap();
    }
    println!("after the fact: {} finished", *finished.lock().unwrap());
}
