//! Small programs with known behaviour, used only to prove that the harness can tell the classes apart. Not book
//! listings.

use std::sync::mpsc;
use std::thread;
use std::time::Duration;

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    match mode.as_str() {
        "print" => println!("hello\nworld"),
        "shuffle" => {
            let mut lines = ["b", "c", "a"];
            if std::process::id().is_multiple_of(2) {
                lines.reverse();
            }
            for l in lines {
                println!("{l}");
            }
            println!("end");
        }
        "panic" => panic!("boom"),
        "deadlock" => {
            // The main thread waits to join a thread that waits on a channel whose sender is kept alive.
            let (tx, rx) = mpsc::channel::<()>();
            let waiter = thread::spawn(move || rx.recv());
            println!("waiting");
            let _ = waiter.join();
            drop(tx);
        }
        "spin" => {
            let mut n: u64 = 0;
            loop {
                n = std::hint::black_box(n.wrapping_add(1));
            }
        }
        "sleep" => thread::sleep(Duration::from_secs(60)),
        "leak" => {
            let mut keep = Vec::new();
            for _ in 0..2 {
                let (tx, rx) = mpsc::channel::<()>();
                keep.push(tx);
                thread::spawn(move || rx.recv());
            }
            println!("work done");
            loop {
                thread::park();
            }
        }
        other => panic!("unknown fixture mode {other:?}"),
    }
}
