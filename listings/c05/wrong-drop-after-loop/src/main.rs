//! C05 · A wrong fix: the drop is there, but after the loop that needs it.
use crossbeam::channel;
use std::thread;

// ANCHOR: wrong
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
    // BUG: never reached. The loop above ends only when every sender is
    // gone, and this is one of them (Go: `close(results)` after the range).
    drop(results_tx);
    squares
}
// ANCHOR_END: wrong

fn main() {
    let squares = squares(&[1, 2, 3, 4, 5], 3);
    println!("done: {squares:?}");
}
