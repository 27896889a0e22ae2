use crossbeam::sync::WaitGroup;
use std::thread;

fn main() {
    // ANCHOR: body
    let wg = WaitGroup::new();
    for _ in 0..4 {
        thread::spawn(move || {
            let me = wg.clone(); // "wg.Add(1)" inside the goroutine
            drop(me);
        });
    }
    wg.wait();
    // ANCHOR_END: body
}
