use std::sync::Arc;
use std::thread;

fn main() {
    let counter = Arc::new(0u64);

    let handles: Vec<_> = (0..100)
        .map(|_| {
            let counter = Arc::clone(&counter);
            thread::spawn(move || {
                *counter += 1; // the Go version compiles; this one does not
            })
        })
        .collect();

    for h in handles {
        h.join().unwrap();
    }
    println!("Final count: {counter}");
}
