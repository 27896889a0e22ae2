use std::thread;
use std::time::Duration;

struct Report(&'static str);

impl Drop for Report {
    fn drop(&mut self) {
        println!("{} cleaned up", self.0);
    }
}

// ANCHOR: main
fn main() {
    let report = Report("worker");
    let handle = thread::spawn(move || {
        let _report = report;
        thread::sleep(Duration::from_millis(100)); // stands for real work
        println!("worker finished");
    });
    handle.join().unwrap(); // blocks until the closure has returned
    println!("main done");
}
// ANCHOR_END: main
