use std::sync::mpsc;
use std::thread;

struct Report {
    lines: Vec<String>,
}

fn main() {
    let (tx, rx) = mpsc::channel::<Box<Report>>();
    let printer = thread::spawn(move || {
        for mut report in rx {
            report.lines.push("printed".to_string());
        }
    });

    let report = Box::new(Report {
        lines: vec!["total: 42".to_string()],
    });
    tx.send(report).unwrap(); // ownership goes into the channel...
    println!("{} lines", report.lines.len()); // ...so this read has nothing to read

    drop(tx);
    printer.join().unwrap();
}
