use crossbeam::sync::WaitGroup;
use std::thread;

fn main() {
    let wg = WaitGroup::new();
    let worker_wg = wg.clone(); // Go's wg.Add(1)

    let worker = thread::spawn(move || {
        println!("working");
        drop(worker_wg); // Go's wg.Done()
        drop(worker_wg); // ...and Done() again: one Add, two Dones
    });

    wg.wait();
    worker.join().unwrap();
}
