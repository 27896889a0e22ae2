use std::thread;
use std::time::Duration;

fn main() {
    thread::spawn(|| {
        thread::sleep(Duration::from_millis(20)); // "the work takes about 20 ms"
        println!("worker finished");
    });
    // Anti-pattern: a guess, not a wait. On a busy machine the worker may
    // not even have started after 50 ms.
    thread::sleep(Duration::from_millis(50));
    println!("main done");
}
