use crossbeam::channel::unbounded;
use std::thread;

fn main() {
    // ANCHOR: body
    let (tx, rx) = unbounded::<(u32, u32, u32)>();
    thread::scope(|s| {
        for worker in 1..=2 {
            let tx = tx.clone();
            s.spawn(move || {
                for chunk in 1..=3 {
                    let value = (worker - 1) * 3 + chunk; // the "work"
                    tx.send((worker, chunk, value)).unwrap();
                }
            });
        }
        drop(tx);

        // Results are used while the workers are still running; a WaitGroup
        // could only say "all done" at the very end.
        let mut total = 0;
        for (worker, chunk, value) in rx {
            println!("worker {worker} chunk {chunk} -> {value}");
            total += value;
        }
        println!("total: {total}");
    });
    // ANCHOR_END: body
}
