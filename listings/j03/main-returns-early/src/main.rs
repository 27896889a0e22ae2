use std::sync::mpsc;
use std::thread;

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
    // The worker's job ends when main says so, and main never does: the work
    // is still going on when main returns, however the threads are scheduled.
    let (finish, finish_requested) = mpsc::channel::<()>();
    // The JoinHandle is dropped at once: the thread is detached.
    thread::spawn(move || {
        let _report = report;
        let _ = finish_requested.recv(); // stands for real work, still running
        println!("worker finished");
    });
    println!("main done");
    // Keep the channel open (a dropped sender would end the worker's wait).
    std::mem::forget(finish);
    // Returning from main exits the process and kills the worker mid-work.
}
// ANCHOR_END: main
