use std::thread;

// ANCHOR: body
fn main() {
    let data = vec![5, 3, 9, 1, 7];

    // `move` transfers ownership of `data` into the new thread: the argument.
    let worker = thread::spawn(move || {
        let mut data = data;
        data.sort();
        data // the closure's return value travels back through the JoinHandle
    });

    // `data` is no longer usable here; the result comes from `join`.
    let sorted = worker.join().unwrap();
    println!("sorted by the worker: {sorted:?}");
}
// ANCHOR_END: body
