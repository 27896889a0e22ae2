use std::thread;

fn main() {
    let batches = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];

    // ANCHOR: body
    for (i, batch) in batches.iter().enumerate() {
        // A fresh scope per batch: it cannot end before its threads have,
        // so batch i+1 can never overlap with batch i.
        let doubled: Vec<i32> = thread::scope(|s| {
            let handles: Vec<_> = batch.iter().map(|&n| s.spawn(move || n * 2)).collect();
            handles.into_iter().map(|h| h.join().unwrap()).collect()
        });
        println!("batch {}: {doubled:?}", i + 1);
    }
    // ANCHOR_END: body
}
