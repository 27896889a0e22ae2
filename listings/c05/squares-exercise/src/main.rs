//! C05 · The interview's worker pool, translated to Rust: it hangs. Find why,
//! fix `squares`, then run the interviewer's tests:
//! `cargo test -p c05-squares-exercise`.
use crossbeam::channel;
use std::thread;

// ANCHOR: buggy
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
    squares
}
// ANCHOR_END: buggy

fn main() {
    let squares = squares(&[1, 2, 3, 4, 5], 3);
    println!("done: {squares:?}");
}
