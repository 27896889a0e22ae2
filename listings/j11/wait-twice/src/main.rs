use crossbeam::sync::WaitGroup;
use std::thread;

fn main() {
    let wg = WaitGroup::new();
    let worker = wg.clone();
    thread::spawn(move || drop(worker));

    wg.wait(); // `wait(self)` consumes the handle
    wg.wait(); // error: `wg` was moved by the first call
}
