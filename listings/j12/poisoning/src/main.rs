use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    // ANCHOR: body
    let data = Arc::new(Mutex::new(vec![1, 2, 3]));

    let worker = {
        let data = Arc::clone(&data);
        thread::spawn(move || {
            let mut v = data.lock().unwrap();
            v.push(4);
            // The invariant the worker was maintaining is now half-updated.
            panic!("worker failed halfway through an update");
        })
    };
    // The panic message goes to stderr; join() reports it as Err.
    println!("worker panicked: {}", worker.join().is_err());
    println!("mutex poisoned: {}", data.is_poisoned());

    match data.lock() {
        Ok(_) => unreachable!("the guard was dropped during a panic"),
        Err(poisoned) => {
            println!("lock() returned Err: {poisoned}");
            // The lock *was* acquired: the error carries the guard.
            let v = poisoned.into_inner();
            println!("recovered data: {:?}", *v);
        }
    }

    // After checking (or repairing) the data, declare it healthy again.
    data.clear_poison();
    println!("after clear_poison, lock() is Ok: {}", data.lock().is_ok());
    // ANCHOR_END: body
}
