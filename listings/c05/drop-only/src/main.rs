//! C05 · The smallest fix: main drops its own results sender, so the channel
//! closes when the last worker finishes.
use crossbeam::channel;
use std::thread;

// ANCHOR: drop
/// The squares of `nums`, computed by `workers` threads, in ascending order.
pub fn squares(nums: &[u64], workers: usize) -> Vec<u64> {
    let (jobs_tx, jobs_rx) = channel::bounded::<u64>(3);
    let (results_tx, results_rx) = channel::bounded::<u64>(3);
    for _ in 0..workers {
        let (jobs_rx, results_tx) = (jobs_rx.clone(), results_tx.clone());
        thread::spawn(move || {
            for n in jobs_rx {
                results_tx.send(n * n).unwrap();
            }
        });
    }
    // Main's own sender would keep the channel open forever: only the
    // workers' clones may decide when it closes.
    drop(results_tx);
    for &n in nums {
        jobs_tx.send(n).unwrap();
    }
    drop(jobs_tx); // Go's close(jobs)

    let mut squares = Vec::new();
    for sq in results_rx {
        squares.push(sq);
        if squares.len() == nums.len() {
            squares.sort_unstable();
            println!("all squares received: {squares:?}");
        }
    }
    squares.sort_unstable(); // also when nums is empty
    squares
}
// ANCHOR_END: drop

fn main() {
    let squares = squares(&[1, 2, 3, 4, 5], 3);
    println!("done: {squares:?}");
}
