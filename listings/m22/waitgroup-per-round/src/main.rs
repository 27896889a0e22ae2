use crossbeam::sync::WaitGroup;
use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    // ANCHOR: body
    for round in 0..3 {
        let wg = WaitGroup::new(); // new counter for this round
        let done = Arc::new(Mutex::new(Vec::new()));
        for worker in 0..3 {
            let wg = wg.clone(); // Go: wg.Add(1)
            let done = Arc::clone(&done);
            thread::spawn(move || {
                done.lock().unwrap().push(round * 10 + worker);
                drop(wg); // Go: wg.Done()
            });
        }
        wg.wait(); // consumes this round's WaitGroup

        let mut done = done.lock().unwrap();
        done.sort(); // finishing order varies; the set does not
        println!("round {} finished: {done:?}", round + 1);
    }
    // ANCHOR_END: body
}
