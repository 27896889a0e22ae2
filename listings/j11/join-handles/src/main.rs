use std::thread::{self, JoinHandle};

fn main() {
    // ANCHOR: body
    let handles: Vec<JoinHandle<(u64, u64, u64)>> = (0..4u64)
        .map(|w| {
            thread::spawn(move || {
                let (lo, hi) = (w * 250 + 1, (w + 1) * 250);
                (lo, hi, (lo..=hi).sum())
            })
        })
        .collect();

    let mut total = 0;
    // Joining in spawn order makes the output deterministic, whatever order
    // the threads actually finished in.
    for (w, handle) in handles.into_iter().enumerate() {
        // join() is Err if the worker panicked; here we let that panic propagate.
        let (lo, hi, sum) = handle.join().unwrap();
        println!("worker {w} summed {lo}..={hi}: {sum}");
        total += sum;
    }
    println!("total: {total}");
    // ANCHOR_END: body
}
