use std::thread;
use std::time::Duration;

// ANCHOR: report
/// Prints a line when it is dropped, so we can see whether cleanup ran.
struct Report(&'static str);

impl Drop for Report {
    fn drop(&mut self) {
        println!("{} cleaned up", self.0);
    }
}
// ANCHOR_END: report

// ANCHOR: main
fn main() {
    let report = Report("worker");
    // The JoinHandle is dropped at once: the thread is detached.
    thread::spawn(move || {
        let _report = report;
        thread::sleep(Duration::from_millis(100)); // stands for real work
        println!("worker finished");
    });
    println!("main done");
    // Returning from main exits the process and kills the worker mid-sleep.
}
// ANCHOR_END: main
