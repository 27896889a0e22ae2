use std::rc::Rc;
use std::thread;

// ANCHOR: body
fn main() {
    let config = Rc::new(String::from("retries=3"));
    let for_worker = Rc::clone(&config);
    // Both `Rc`s point at one count that is updated without atomics.
    let worker = thread::spawn(move || println!("worker sees {for_worker}"));
    worker.join().unwrap();
    println!("main sees {config}");
}
// ANCHOR_END: body
