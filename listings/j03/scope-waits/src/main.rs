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
    thread::scope(|s| {
        // No handle kept and no join written: the scope joins it anyway.
        s.spawn(move || {
            let _report = report;
            thread::sleep(Duration::from_millis(100)); // stands for real work
            println!("worker finished");
        });
    });
    println!("main done");
}
// ANCHOR_END: main
