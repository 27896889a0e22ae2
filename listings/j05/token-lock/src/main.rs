use crossbeam::channel;
use std::sync::Arc;
use std::thread;

fn main() {
    // ANCHOR: body
    let counter = Arc::new(0u64);
    // Go's `sem := make(chan struct{}, 1)`: whoever manages to put the one
    // token in "holds the lock"; taking it out again "unlocks".
    let (lock, unlock) = channel::bounded::<()>(1);

    let workers: Vec<_> = (0..4)
        .map(|_| {
            let counter = Arc::clone(&counter);
            let (lock, unlock) = (lock.clone(), unlock.clone());
            thread::spawn(move || {
                for _ in 0..1000 {
                    lock.send(()).unwrap();
                    *counter += 1; // the compiler knows nothing about the token
                    unlock.recv().unwrap();
                }
            })
        })
        .collect();
    // ANCHOR_END: body
    for w in workers {
        w.join().unwrap();
    }
    println!("{counter}");
}
