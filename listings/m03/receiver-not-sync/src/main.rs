use std::sync::Arc;
use std::sync::mpsc;
use std::thread;

fn main() {
    // ANCHOR: body
    let (tx, rx) = mpsc::channel::<u32>();
    let rx = Arc::new(rx); // Go habit: every worker ranges over the same channel

    let workers: Vec<_> = (0..3)
        .map(|_| {
            let rx = Arc::clone(&rx);
            thread::spawn(move || {
                for job in rx.iter() {
                    println!("job {job}");
                }
            })
        })
        .collect();
    // ANCHOR_END: body
    drop(tx);
    for w in workers {
        w.join().unwrap();
    }
}
