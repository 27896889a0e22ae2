use crossbeam::sync::WaitGroup;
use std::thread;

fn main() {
    // ANCHOR: body
    let wg = WaitGroup::new();

    for i in 0..4 {
        let wg = wg.clone(); // Add(1), done by the parent before the thread starts
        thread::spawn(move || {
            println!("worker {i} done");
            drop(wg); // Done(); would also happen on an early return or a panic
        });
    }

    wg.wait(); // consumes main's own handle, then blocks until all clones are dropped
    println!("all 4 workers done");
    // ANCHOR_END: body
}
