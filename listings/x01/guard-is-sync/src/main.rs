use std::sync::Mutex;
use std::thread;

// ANCHOR: body
fn main() {
    let scores = Mutex::new(vec![3, 5, 8]);
    let guard = scores.lock().unwrap();
    // Two threads read through `&MutexGuard<Vec<i32>>` while this thread holds the lock:
    // the guard is `Sync` (because `Vec<i32>` is), although it is not `Send`.
    let (sum, len) = thread::scope(|s| {
        let sum = s.spawn(|| guard.iter().sum::<i32>());
        let len = s.spawn(|| guard.len());
        (sum.join().unwrap(), len.join().unwrap())
    });
    drop(guard); // unlocked on the thread that locked it
    println!("sum = {sum}, len = {len}");
}
// ANCHOR_END: body
