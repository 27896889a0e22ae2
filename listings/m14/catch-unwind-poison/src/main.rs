use std::any::Any;
use std::panic;
use std::sync::{Arc, Mutex};
use std::thread;

fn message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        String::from("<non-string payload>")
    }
}

fn job(id: u32) -> u32 {
    if id == 2 {
        panic!("job {id} hit a bad record");
    }
    id * 2
}

// ANCHOR: boundary
/// Go: a worker loop with `defer func() { if r := recover(); r != nil {...} }()`
/// around each job. The panic stays a panic until this boundary.
fn run_job(id: u32) -> Result<u32, String> {
    panic::catch_unwind(|| job(id)).map_err(|payload| message(&*payload))
}
// ANCHOR_END: boundary

fn main() {
    for id in 1..=3 {
        println!("job {id}: {:?}", run_job(id));
    }

    // ANCHOR: poison
    let balance = Arc::new(Mutex::new(100_i64));
    let shared = Arc::clone(&balance);
    let transfer = thread::spawn(move || {
        let mut b = shared.lock().unwrap();
        *b -= 50; // first half of the update
        panic!("transfer failed halfway"); // the guard is dropped while unwinding
    });
    assert!(transfer.join().is_err());

    match balance.lock() {
        Ok(_) => println!("lock is poisoned: false"),
        Err(poisoned) => {
            println!("lock is poisoned: true");
            // The data is still reachable, but someone must decide whether it is valid.
            let b = poisoned.into_inner();
            println!(
                "balance left by the panicking thread: {} (transfer half done)",
                *b
            );
        }
    }
    balance.clear_poison(); // after repairing or accepting the state
    println!("after clear_poison: poisoned = {}", balance.is_poisoned());
    // ANCHOR_END: poison
}
